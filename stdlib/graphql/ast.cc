// Small AST helpers shared by the validators and the AST conversion.
#include "stdlib/graphql/ast.h"

#include "stdlib/value_text.h"

namespace arcane::stdlib::graphql {

std::string Type::str() const {
  std::string nn = non_null ? "!" : "";
  if (!named_type.empty() || !elem) return named_type + nn;
  return "[" + elem->str() + "]" + nn;
}

std::string Value::str() const {
  switch (value_kind()) {
    case ValueKind::kVariable: return "$" + raw;
    case ValueKind::kString:
    case ValueKind::kBlock: {
      std::string q;
      append_go_quoted(q, raw);
      return q;
    }
    case ValueKind::kList:
    case ValueKind::kObject: {
      bool list = value_kind() == ValueKind::kList;
      std::string out = list ? "[" : "{";
      for (size_t i = 0; i < children.size(); ++i) {
        if (i > 0) out += ',';
        if (!list) out += children[i].name + ":";
        if (children[i].value) out += children[i].value->str();
      }
      return out + (list ? "]" : "}");
    }
    default: return raw;
  }
}

const FieldDefinition* Definition::field(const std::string& n) const {
  for (const auto& f : fields) {
    if (f && f->name == n) return f.get();
  }
  return nullptr;
}

}  // namespace arcane::stdlib::graphql
