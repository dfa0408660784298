// Turning the library's diagnostics (locations as file ids and byte offsets) into the
// API's self-contained Errors (file names, rows and columns resolved), at the boundary.
#pragma once

#include <cstdint>
#include <string>

#include "arcane/error.h"
#include "runtime/diagnostic.h"
#include "runtime/source.h"

namespace arcane::api {

// Finds the file a location names: the query's own file in `query`, any other in `policy`.
struct SourceLookup {
  const runtime::SourceSet* policy = nullptr;
  const runtime::SourceSet* query = nullptr;
  uint32_t query_file = 0;

  const runtime::SourceFile* get(uint32_t id) const;
};

Error to_error(const runtime::Diagnostic& d, const SourceLookup& sources);
Errors to_errors(const runtime::Diagnostics& ds, const SourceLookup& sources);

// A loading error: no code, no location, just the message.
Error loading_error(std::string message);
// Something that should not happen (an exception caught at the boundary).
Error internal_error(const std::string& what);

}  // namespace arcane::api
