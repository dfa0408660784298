package restricted

allowed if count(input.tools) > 0

name := upper(input.user)

test_allowed if allowed with input as {"tools": ["read"]}
