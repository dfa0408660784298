// load_input_file: an input document from a file, as `opa eval -i` reads one.
#include <exception>

#include "api/src/errors.h"
#include "api/src/files.h"
#include "api/src/path_loader.h"
#include "arcane/engine.h"

namespace arcane {

Result<Value> load_input_file(const std::string& path) {
  try {
    std::string text, error;
    if (!api::read_file(path, text, error)) return api::loading_error(error);
    auto value = api::parse_data_file(path, text);
    if (!value.ok()) return api::loading_error(value.error().message);
    return std::move(value).value();
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  }
}

}  // namespace arcane
