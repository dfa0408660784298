package legacy

allow { input.role == "admin" }
allow { input.role == "owner"; input.action == "read" }

deny[msg] { not input.attested; msg := "unattested" }

default level = 0
level = 2 { input.tier == "high" } else = 1 { input.tier == "mid" }
