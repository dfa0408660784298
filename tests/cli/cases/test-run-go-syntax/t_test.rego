package t

test_alpha if true

test_beta_2 if true

test_gamma if false
