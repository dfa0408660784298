package p

allow if {
	x := input.user
	x.role == "admin"
}
