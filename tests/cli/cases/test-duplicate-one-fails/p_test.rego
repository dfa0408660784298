package p_test

test_same if {
	1 == 1
}

test_same if {
	1 == 2
}

todo_test_later if {
	false
}
