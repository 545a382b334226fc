#include "parse/yaml_source.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "parse/yaml_pyyaml_strictness.hpp"

namespace kedrolint::parse {
namespace {

/// Deeper documents are refused before any recursive consumer (merging,
/// interpolation, rules) could exhaust the stack. yaml-cpp 0.7's own guard
/// (YAML::DeepRecursion) already stops near 500 levels; this is a backstop.
constexpr std::size_t kMaxDepth = 1000;
constexpr std::string_view kTooDeep =
    "the document nests too deeply to be read; PyYAML, which Kedro uses, fails with RecursionError beyond about "
    "490 levels";

/// A document PyYAML (or OmegaConf) refuses; thrown out of the event handler.
struct Rejected {
  YamlError error;
};

/// Builds YamlNodes from yaml-cpp's parser events. Events (not YAML::Load)
/// tell aliases apart from the nodes they name, so that an alias shares the
/// anchored node instead of copying it, a recursive alias is caught before
/// it is followed, and only alias expansions count against the bomb budget.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const core::SourceFile& file, std::size_t max_alias_nodes)
      : file_(file), max_alias_nodes_(max_alias_nodes), alias_budget_(max_alias_nodes) {}

  YamlPtr root;
  std::unordered_set<std::uint32_t> quoted_starts;
  std::uint32_t last_start = 0;  ///< where the last node began (yaml-cpp's depth error has no useful mark)

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnAnchor(const YAML::Mark&, const std::string& name) override { pending_anchor_name_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto node = start_node(mark, "?", anchor);
    node->kind = YamlNode::Kind::Null;
    finish(std::move(node), anchor, 1);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto node = start_node(mark, tag, anchor);
    node->kind = YamlNode::Kind::Scalar;
    node->scalar = value;
    node->quoted = tag == "!";  // yaml-cpp tags every non-plain scalar "!"
    const std::uint32_t begin = node->span.begin;
    node->span.end = scalar_end(begin, node->quoted);
    if (begin < file_.text().size() && (file_.text()[begin] == '\'' || file_.text()[begin] == '"')) {
      quoted_starts.insert(begin);
    }
    finish(std::move(node), anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::string name = anchor_names_.count(anchor) ? anchor_names_.at(anchor) : std::string("?");
    if (open_anchors_.count(anchor)) {
      reject(mark, "alias `*" + name + "` refers to the node that contains it (a recursive structure); OmegaConf "
                   "fails on it with RecursionError");
    }
    const auto& target = anchors_.at(anchor);
    if (target.size > alias_budget_) {
      reject(mark, "aliases expand to more than " + std::to_string(max_alias_nodes_) +
                       " nodes (an alias repeated too often, \"billion laughs\"); the file was not read");
    }
    alias_budget_ -= target.size;
    add_child(target.node, target.size);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::Sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::Map);
  }
  void OnMapEnd() override {
    apply_merges(*stack_.back().node, stack_.back().merges);
    close();
  }

 private:
  struct Frame {
    std::shared_ptr<YamlNode> node;
    YAML::anchor_t anchor = 0;
    std::size_t size = 1;  ///< nodes in the expanded subtree
    YamlPtr pending_key;   ///< a map's key waiting for its value
    std::vector<YamlPtr> merges;
  };
  struct Anchored {
    YamlPtr node;
    std::size_t size = 1;
  };

  std::uint32_t offset_of(const YAML::Mark& mark) const {
    return mark.pos >= 0 ? std::min(static_cast<std::uint32_t>(mark.pos), static_cast<std::uint32_t>(file_.text().size()))
                         : 0u;
  }

  [[noreturn]] void reject(const YAML::Mark& mark, std::string message) const {
    const std::uint32_t at = offset_of(mark);
    throw Rejected{YamlError{file_.span(at, at), std::move(message)}};
  }

  std::shared_ptr<YamlNode> start_node(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    if (anchor) anchor_names_[anchor] = pending_anchor_name_;
    auto node = std::make_shared<YamlNode>();
    const std::uint32_t begin = offset_of(mark);
    last_start = begin;
    node->span = file_.span(begin, begin);
    if (tag != "?" && tag != "!") node->tag = tag;
    return node;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      reject(mark, std::string(kTooDeep));
    }
    Frame frame;
    frame.node = start_node(mark, tag, anchor);
    frame.node->kind = kind;
    frame.anchor = anchor;
    if (anchor) open_anchors_.insert(anchor);
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.anchor) open_anchors_.erase(frame.anchor);
    finish(std::move(frame.node), frame.anchor, frame.size);
  }

  void finish(std::shared_ptr<YamlNode> node, YAML::anchor_t anchor, std::size_t size) {
    YamlPtr done = std::move(node);
    if (anchor) anchors_[anchor] = Anchored{done, size};
    add_child(std::move(done), size);
  }

  void add_child(YamlPtr child, std::size_t size) {
    if (stack_.empty()) {
      root = std::move(child);
      return;
    }
    Frame& parent = stack_.back();
    parent.size += size;
    YamlNode& node = *parent.node;
    if (node.kind == YamlNode::Kind::Sequence) {
      node.items.push_back(std::move(child));
      return;
    }
    if (!parent.pending_key) {
      parent.pending_key = std::move(child);
      return;
    }
    YamlPtr key = std::move(parent.pending_key);
    parent.pending_key = nullptr;
    if (key->is_scalar() && !key->quoted && key->scalar == "<<") {
      if (child->is_map()) parent.merges.push_back(child);
      for (const auto& item : child->items) {
        if (item->is_map()) parent.merges.push_back(item);
      }
      return;
    }
    node.entries.emplace_back(std::move(key), std::move(child));
  }

  // Explicit keys win over merged ones; earlier merge sources win over later.
  static void apply_merges(YamlNode& out, const std::vector<YamlPtr>& merges) {
    for (const auto& source : merges) {
      for (const auto& entry : source->entries) {
        const auto& key = entry.first;
        const auto& value = entry.second;
        const auto present = std::any_of(out.entries.begin(), out.entries.end(), [&](const auto& e) {
          return e.first->is_scalar() && key->is_scalar() && e.first->scalar == key->scalar;
        });
        if (present) continue;
        auto copy = std::make_shared<YamlNode>(*key);
        copy->merged = true;
        out.entries.emplace_back(std::move(copy), value);
      }
    }
  }

  // yaml-cpp marks only where a node starts; find where a scalar ends on its
  // line so that reports can underline it.
  std::uint32_t scalar_end(std::uint32_t begin, bool quoted) const {
    const std::string_view text = file_.text();
    if (begin >= text.size()) return begin;
    std::size_t i = begin;
    const char c = text[i];
    if (quoted && (c == '\'' || c == '"')) {
      ++i;
      while (i < text.size() && text[i] != '\n') {
        if (c == '"' && text[i] == '\\') {
          i += 2;
          continue;
        }
        if (text[i] == c) {
          if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            i += 2;
            continue;
          }
          return static_cast<std::uint32_t>(i + 1);
        }
        ++i;
      }
      return static_cast<std::uint32_t>(std::min(i, text.size()));
    }
    while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
      if (text[i] == ':' && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\t' ||
                             text[i + 1] == '\n' || text[i + 1] == '\r')) {
        break;
      }
      if (text[i] == '#' && i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
      if (!quoted && (text[i] == ',' || text[i] == ']' || text[i] == '}')) break;
      ++i;
    }
    while (i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    return static_cast<std::uint32_t>(i);
  }

  const core::SourceFile& file_;
  const std::size_t max_alias_nodes_;
  std::size_t alias_budget_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::unordered_map<YAML::anchor_t, std::string> anchor_names_;
  std::unordered_set<YAML::anchor_t> open_anchors_;
  std::string pending_anchor_name_;
};

}  // namespace

const YamlNode* YamlNode::get(std::string_view key) const {
  const YamlNode* found = nullptr;
  for (const auto& [k, v] : entries) {
    if (k->is_scalar() && k->scalar == key) found = v.get();
  }
  return found;
}

// Only notes where a further document starts; its content is ignored.
class DocumentProbe final : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!start) start = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

YamlSource parse_yaml(const core::SourceFile& file, std::size_t max_alias_nodes) {
  YamlSource out;
  out.file = &file;
  TreeBuilder builder(file, max_alias_nodes);
  try {
    std::istringstream in{std::string(file.text())};
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder) || !builder.root) builder.root = std::make_shared<YamlNode>();
    out.root = builder.root;
    if (auto rejected = pyyaml_rejection(file, builder.quoted_starts)) {
      out.root = nullptr;
      out.error = std::move(rejected);
      return out;
    }
    // Kedro reads config through PyYAML's single-document loader, which
    // raises ComposerError on a second document instead of ignoring it.
    DocumentProbe probe;
    if (parser.HandleNextDocument(probe)) {
      const std::uint32_t at =
          probe.start && probe.start->pos >= 0
              ? std::min(static_cast<std::uint32_t>(probe.start->pos), static_cast<std::uint32_t>(file.text().size()))
              : static_cast<std::uint32_t>(file.text().size());
      out.root = nullptr;
      out.error = YamlError{file.span(at, at), "expected a single document in the stream, but found another document"};
      return out;
    }
  } catch (const YAML::DeepRecursion&) {
    out.error = YamlError{file.span(builder.last_start, builder.last_start), std::string(kTooDeep)};
  } catch (const YAML::Exception& e) {
    const auto& m = e.mark;
    const std::uint32_t offset =
        m.line >= 0 ? file.lines().offset_of_byte_column(static_cast<std::uint32_t>(m.line) + 1,
                                                         static_cast<std::uint32_t>(std::max(m.column, 0)) + 1)
                    : 0;
    out.error = YamlError{file.span(offset, offset), e.msg};
  } catch (const Rejected& r) {
    out.root = nullptr;
    out.error = r.error;
  }
  return out;
}

}  // namespace kedrolint::parse
