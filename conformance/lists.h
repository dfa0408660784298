// The two checked-in lists that steer the conformance run.
//
// skips.txt: cases not run, each with the reason why. One entry per line, `ID REASON`,
// where ID is a case (`v1/topic/file.yaml#3`) or a whole file (`v1/topic/file.yaml`);
// blank lines and lines starting with `#` are comments. An entry without a reason is an
// error: a skip must say why.
//
// passing.txt: the ratchet. Case ids that pass and must keep passing, one per line
// (comments as above). The runner can add newly passing cases (--update-passing) but never
// drops one: a case leaves the list only by someone editing the file.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace arcane::conformance {

struct SkipList {
  std::map<std::string, std::string> entries;  // case id or file -> reason

  // The reason `id` (in `file`) is skipped, or nullptr.
  const std::string* reason_for(const std::string& id, const std::string& file) const;
};

bool parse_skip_list(std::string_view text, SkipList& out, std::string& error);

struct PassingList {
  std::vector<std::string> header;  // the comment lines at the top, kept when rewriting
  std::set<std::string> ids;
};

bool parse_passing_list(std::string_view text, PassingList& out, std::string& error);
// The header, then the ids sorted, one per line.
std::string render_passing_list(const PassingList& list);

}  // namespace arcane::conformance
