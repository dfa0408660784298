package ok

allowed if count(input.tools) > 0

test_allowed if allowed with input as {"tools": ["read"]}
