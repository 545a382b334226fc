#include "config/interpolation.hpp"

#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/text.hpp"

namespace kedrolint::config {
namespace {

constexpr std::string_view kInterpolation = "KL312";
constexpr std::size_t kMaxStringBytes = 10u * 1024u * 1024u;
constexpr std::size_t kMaxCopiedNodes = 1'000'000;
constexpr std::size_t kMaxChain = 1000;

using Path = std::vector<std::string>;

std::string path_key(const Path& path) { return core::join(path, std::string_view("\x1f", 1)); }

bool is_prefix(const Path& prefix, const Path& of) {
  if (prefix.size() > of.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (prefix[i] != of[i]) return false;
  }
  return true;
}

// `a.b[0].c` -> a, b, 0, c (OmegaConf accepts both index forms).
Path split_key(std::string_view expr) {
  std::string dotted;
  for (const char c : expr) {
    if (c == '[') dotted += '.';
    else if (c != ']') dotted += c;
  }
  return core::split(dotted, '.');
}

// OmegaConf's relative keys: `${.x}` is a sibling (a key of the node that
// holds the interpolation), each further leading dot goes one level up.
// Nullopt when the dots climb above the root or name nothing.
std::optional<Path> absolute_key(std::string_view expr, const Path& path) {
  if (expr.empty() || expr.front() != '.') return split_key(expr);
  const std::size_t dots = expr.find_first_not_of('.');
  if (dots == std::string_view::npos || path.empty()) return std::nullopt;
  Path target(path.begin(), path.end() - 1);
  if (dots - 1 > target.size()) return std::nullopt;
  target.resize(target.size() - (dots - 1));
  for (auto& part : split_key(expr.substr(dots))) target.push_back(std::move(part));
  return target;
}

ConfigPtr child_of(const ConfigPtr& node, const std::string& part) {
  if (!node) return nullptr;
  if (node->is_map()) return node->get_ptr(part);
  if (node->kind != ConfigValue::Kind::List || part.empty() ||
      part.find_first_not_of("0123456789") != std::string::npos || part.size() > 9) {
    return nullptr;
  }
  const std::size_t index = std::stoul(part);
  return index < node->items.size() ? node->items[index] : nullptr;
}

ConfigPtr lookup(const ConfigPtr& root, const Path& path) {
  ConfigPtr cur = root;
  for (const auto& part : path) {
    cur = child_of(cur, part);
    if (!cur) return nullptr;
  }
  return cur;
}

class Interpolator {
 public:
  Interpolator(const ConfigPtr& root, const ResolverContext& context, std::vector<core::Finding>& findings)
      : root_(root), context_(context), findings_(findings) {}

  ConfigPtr run() {
    Path path;
    return node(root_, path).value;
  }

 private:
  struct Resolved {
    ConfigPtr value;
    std::size_t size = 1;  ///< nodes in the value, counting those interpolations copied
    bool failed = false;   ///< OmegaConf fails here; already reported
  };

  Resolved node(const ConfigPtr& value, Path& path) {
    const bool interpolated = value->is_string() && value->text.find("${") != std::string::npos;
    if (!interpolated && value->is_scalar()) return {value, 1, false};
    const std::string key = path_key(path);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    active_.insert(key);
    Resolved out = interpolated ? string(value, path) : children(value, path);
    active_.erase(key);
    memo_.emplace(key, out);
    return out;
  }

  // Unchanged containers are returned as they are, not copied.
  Resolved children(const ConfigPtr& value, Path& path) {
    std::shared_ptr<ConfigValue> copy;
    std::size_t size = 1;
    auto visit = [&](const ConfigPtr& child, std::string part, auto&& replace) {
      path.push_back(std::move(part));
      const Resolved r = node(child, path);
      path.pop_back();
      size += r.size;
      if (r.value == child) return;
      if (!copy) copy = std::make_shared<ConfigValue>(*value);
      replace(*copy, r.value);
    };
    for (std::size_t i = 0; i < value->entries.size(); ++i) {
      visit(value->entries[i].second, value->entries[i].first,
            [i](ConfigValue& c, const ConfigPtr& v) { c.entries[i].second = v; });
    }
    for (std::size_t i = 0; i < value->items.size(); ++i) {
      visit(value->items[i], std::to_string(i), [i](ConfigValue& c, const ConfigPtr& v) { c.items[i] = v; });
    }
    return {copy ? ConfigPtr(copy) : value, size, false};
  }

  // A string with `${...}`: one interpolation alone takes the referenced
  // node; otherwise each one is replaced by the referenced scalar's text.
  Resolved string(const ConfigPtr& value, const Path& path) {
    const std::string& s = value->text;
    std::string out;
    bool symbolic = false;
    std::size_t i = 0;
    while (i < s.size()) {
      const auto start = s.find("${", i);
      if (start == std::string::npos) {
        out.append(s, i, std::string::npos);
        break;
      }
      out.append(s, i, start - i);
      const std::size_t end = closing_brace(s, start);
      if (end == std::string::npos) {
        out.append(s, start, std::string::npos);
        break;
      }
      const std::string expr(core::trim(std::string_view(s).substr(start + 2, end - start - 2)));
      const auto resolved = interpolation(expr, path, value->span);
      if (resolved && resolved->failed) return as_written(value, true);
      if (!resolved) {
        symbolic = true;
        out.append(s, start, end - start + 1);
      } else if (start == 0 && end + 1 == s.size()) {
        return whole_value(value, *resolved);
      } else {
        symbolic |= resolved->value->symbolic;
        out += resolved->value->is_scalar() ? resolved->value->text : std::string("<non-scalar>");
      }
      if (out.size() > kMaxStringBytes) {
        report(value->span, "interpolation makes a string longer than 10 MB; kedrolint does not evaluate it",
               "Interpolations that double at every level grow exponentially; build the value another way.");
        return as_written(value, true);
      }
      i = end + 1;
    }
    auto copy = std::make_shared<ConfigValue>(*value);
    copy->text = std::move(out);
    copy->symbolic = symbolic;
    return {copy, 1, false};
  }

  static std::size_t closing_brace(const std::string& s, std::size_t start) {
    int level = 0;
    for (std::size_t end = start + 1; end < s.size(); ++end) {
      if (s[end] == '{') ++level;
      if (s[end] == '}' && --level == 0) return end;
    }
    return std::string::npos;
  }

  static Resolved as_written(const ConfigPtr& value, bool failed) {
    auto copy = std::make_shared<ConfigValue>(*value);
    copy->symbolic = true;
    return {copy, 1, failed};
  }

  Resolved whole_value(const ConfigPtr& value, const Resolved& target) {
    if (target.size > 1) {
      if (target.size > copy_budget_) {
        if (!budget_reported_) {
          report(value->span, "interpolations copy more than 1000000 nodes; kedrolint does not evaluate them",
                 "Interpolations that double at every level grow exponentially; build the value another way.");
        }
        budget_reported_ = true;
        return as_written(value, true);
      }
      copy_budget_ -= target.size;
    }
    auto copy = std::make_shared<ConfigValue>(*target.value);
    copy->span = value->span;
    copy->key_span = value->key_span;
    return {copy, target.size, false};
  }

  /// Nullopt: kept as written (a run-time resolver, or reported).
  std::optional<Resolved> interpolation(const std::string& expr, const Path& path, core::Span where) {
    const auto colon = expr.find(':');
    const bool resolver = colon != std::string::npos && expr.front() != '.' &&
                          expr.substr(0, colon).find_first_of("[ ") == std::string::npos;
    if (resolver) return call_resolver(expr.substr(0, colon), expr.substr(colon + 1), where);
    if (expr.find("${") != std::string::npos) return std::nullopt;  // a key computed at run time
    return reference(expr, path, where);
  }

  std::optional<Resolved> reference(const std::string& expr, const Path& path, core::Span where) {
    const auto absolute = absolute_key(expr, path);
    if (!absolute) {
      report(where,
             "interpolation `${" + expr + "}` climbs above the top of the configuration; OmegaConf raises \"Error "
             "resolving key '" + expr + "'\"",
             "One leading dot names a sibling key; each further dot goes up one level.");
      return Resolved{nullptr, 1, true};
    }
    const Path& target = *absolute;
    const std::string target_key = path_key(target);
    if (is_prefix(target, path)) {
      report(where,
             "interpolation `${" + expr + "}` refers to " + (target.size() == path.size() ? "itself" : "a parent node") +
                 "; OmegaConf raises \"" +
                 (target.size() == path.size() ? "Recursive interpolation detected" : "Interpolation to parent node detected") +
                 "\"",
             "Refer to a key outside the value that holds the interpolation.");
      return Resolved{nullptr, 1, true};
    }
    if (active_.count(target_key) || chain_ >= kMaxChain) {
      report(where,
             chain_ >= kMaxChain ? "interpolation `${" + expr + "}` is more than 1000 references deep; kedrolint does "
                                                                "not evaluate it"
                                 : "interpolation `${" + expr + "}` leads back to itself; OmegaConf raises \"Recursive "
                                                                "interpolation detected\"",
             "Break the cycle: one of the keys must hold a value, not an interpolation.");
      return Resolved{nullptr, 1, true};
    }
    const ConfigPtr raw = lookup(root_, target);
    if (!raw) {
      report(where,
             "interpolation `${" + expr + "}` refers to a key that does not exist in this environment's " +
                 context_.key + " configuration",
             "Interpolations resolve within one environment folder; define the key there or use `${globals:...}`.");
      return Resolved{nullptr, 1, true};
    }
    Path walk = target;
    ++chain_;
    Resolved out = node(raw, walk);
    --chain_;
    return out;
  }

  std::optional<Resolved> call_resolver(const std::string& name, const std::string& args, core::Span where) {
    if (name == "globals") return globals(args, where);
    // Kedro clears OmegaConf's oc.env and lets only credentials use it, unless
    // the project registers it again (kedro/config/omegaconf_config.py).
    const bool registered = context_.custom_resolvers_unknown || context_.custom_resolvers.count(name) > 0;
    if (name == "oc.env" && context_.key != "credentials" && !registered) {
      report(where,
             "`${oc.env:...}` is only supported in credentials; Kedro raises UnsupportedInterpolationType when it "
             "loads the " + context_.key,
             "Move the secret to credentials.yml, or use `${runtime_params:...}`.");
    }
    // runtime_params, oc.env in credentials, custom resolvers: only known at run time.
    return std::nullopt;
  }

  std::optional<Resolved> globals(const std::string& args, core::Span where) {
    const auto comma = args.find(',');
    const std::string path(core::trim(std::string_view(args).substr(0, comma)));
    if (ConfigPtr target = context_.globals ? lookup(context_.globals, split_key(path)) : nullptr) {
      return Resolved{target, 1, false};
    }
    if (comma != std::string::npos) {
      auto v = std::make_shared<ConfigValue>();
      std::string def(core::trim(std::string_view(args).substr(comma + 1)));
      if (def.size() >= 2 && (def.front() == '\'' || def.front() == '"') && def.back() == def.front()) {
        def = def.substr(1, def.size() - 2);
      }
      v->kind = ConfigValue::Kind::String;
      v->text = def;
      return Resolved{v, 1, false};
    }
    report(where, "`${globals:" + path + "}`: the key `" + path + "` is not in globals.yml and has no default",
           "Add it to globals.yml or give a default: `${globals:" + path + ", value}`.");
    return Resolved{nullptr, 1, true};
  }

  void report(core::Span where, std::string message, std::string help) {
    findings_.push_back({std::string(kInterpolation), where, std::move(message), {}, std::move(help)});
  }

  const ConfigPtr& root_;
  const ResolverContext& context_;
  std::vector<core::Finding>& findings_;
  std::unordered_map<std::string, Resolved> memo_;
  std::unordered_set<std::string> active_;
  std::size_t copy_budget_ = kMaxCopiedNodes;
  bool budget_reported_ = false;
  std::size_t chain_ = 0;
};

}  // namespace

ConfigPtr resolve_interpolations(const ConfigPtr& root, const ResolverContext& context,
                                 std::vector<core::Finding>& findings) {
  if (!root) return root;
  return Interpolator(root, context, findings).run();
}

}  // namespace kedrolint::config
