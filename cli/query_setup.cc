#include "cli/query_setup.h"

namespace arcane::cli {

Result<PreparedQuery> prepare_cli_query(const EngineOptions& options, const std::vector<std::string>& data,
                                        const std::vector<std::string>& bundles, const std::string& query,
                                        Metrics* metrics, bool trace) {
  EngineBuilder builder(options);
  for (const auto& path : data) builder.add_path(path);
  for (const auto& path : bundles) builder.add_bundle(path);
  auto engine = builder.build(metrics);
  if (!engine) return engine.errors();
  PrepareOptions prepare;
  prepare.rego_version = options.rego_version;
  prepare.metrics = metrics;
  prepare.trace = trace;
  return engine->prepare(query, prepare);
}

}  // namespace arcane::cli
