package authz

allow if input.action == "read"
