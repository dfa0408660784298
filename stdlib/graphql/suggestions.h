// gqlparser's "Did you mean" helpers (SuggestionList, QuotedOrList): candidates within an
// edit distance of 40% of the typed name (case differences count 1), closest first,
// at most five of them, quoted and joined as "a", "b", or "c".
#pragma once

#include <string>
#include <vector>

namespace arcane::stdlib::graphql {

std::vector<std::string> suggestion_list(const std::string& input, const std::vector<std::string>& options);
std::string quoted_or_list(std::vector<std::string> items);
// " <prefix> \"a\" or \"b\"?", or "" when nothing is close.
std::string suggest(const std::string& prefix, const std::string& typed, const std::vector<std::string>& options);

}  // namespace arcane::stdlib::graphql
