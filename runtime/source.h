// Source files and locations. A location is small (file id, byte offset, length) so every
// AST node and IR statement can carry one; line and column are computed from the file's
// text only when a message is rendered.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace arcane::runtime {

struct Location {
  uint32_t file = 0;    // index into a SourceSet; 0 means "no file"
  uint32_t offset = 0;  // byte offset of the first character
  uint32_t length = 0;  // byte length of the located text
  bool known() const { return file != 0; }
};

struct LineCol {
  uint32_t line = 0;  // 1-based
  uint32_t col = 0;   // 1-based, counted in bytes as OPA does
};

// One named text: a policy module, a data file, a query.
class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  LineCol line_col(uint32_t offset) const;
  // The text of the (1-based) line, without its newline.
  std::string_view line_text(uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// The files of one compilation. Ids start at 1; files are never removed, so a Location
// stays valid as long as its SourceSet lives.
class SourceSet {
 public:
  uint32_t add(std::string name, std::string text);
  const SourceFile* get(uint32_t id) const;
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace arcane::runtime
