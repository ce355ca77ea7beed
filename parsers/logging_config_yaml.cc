// The part of YAML that logging dictConfig files use: block mappings and sequences by
// indentation, plain / single- / double-quoted scalars, "|" and ">" block scalars, and one-line
// flow collections ([console, file], {a: b}). Anchors, aliases, tags and multiple documents are
// not read; anything outside the subset is reported and the file is given up.
#include <cctype>

#include "parsers/logging_config_internal.h"

namespace faultline::logging_config_internal {
namespace {

constexpr int kMaxDepth = 64;

struct YamlLine {
  int indent = 0;
  std::string_view content;  ///< without indentation and comment, right-trimmed
  std::string_view raw;      ///< the whole line, for block scalars
  int line = 0;
};

// Where a comment starts: '#' at the start or after a blank, outside quotes. A quote only opens
// where a scalar can start, so "don't" in plain text is not one.
size_t CommentStart(std::string_view s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char prev = i == 0 ? ' ' : s[i - 1];
    if (quote == '\'' && c == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'')
        ++i;  // '' is an escaped quote
      else
        quote = 0;
    } else if (quote == '"' && c == '\\') {
      ++i;
    } else if (quote == '"' && c == '"') {
      quote = 0;
    } else if (!quote && (c == '\'' || c == '"') &&
               std::string_view(" \t[{,:-").find(prev) != std::string_view::npos) {
      quote = c;
    } else if (!quote && c == '#' && (prev == ' ' || prev == '\t' || i == 0)) {
      return i;
    }
  }
  return s.size();
}

// The code point spelled by the first `count` characters of `s`; false unless all are hex.
bool HexDigits(std::string_view s, int count, unsigned* cp) {
  if (s.size() < static_cast<size_t>(count)) return false;
  *cp = 0;
  for (int k = 0; k < count; ++k) {
    char c = s[k];
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
    *cp = (*cp << 4 | static_cast<unsigned>(v)) & 0x1FFFFF;
  }
  return true;
}

std::string_view RightTrim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

class YamlReader {
 public:
  YamlReader(std::string_view path, std::string_view text, LoggingConfig* out)
      : path_(path), out_(out) {
    Split(text);
  }

  bool Read(TreeNode* root) {
    if (failed_) return false;
    if (lines_.empty()) return Fail(1, "empty YAML document");
    size_t i = 0;
    if (!Node(&i, lines_[0].indent, root, 0)) return false;
    return i == lines_.size() || Fail(lines_[i].line, "indentation does not match any level above");
  }

 private:
  bool Fail(int line, std::string_view why) {
    AddProblem(out_, path_, line, why);
    failed_ = true;
    return false;
  }

  void Split(std::string_view text) {
    size_t pos = 0;
    for (int line_no = 1; pos < text.size(); ++line_no) {
      size_t end = std::min(text.find('\n', pos), text.size());
      std::string_view raw = RightTrim(text.substr(pos, end - pos));
      pos = end + 1;
      size_t indent = raw.find_first_not_of(' ');
      if (indent == std::string_view::npos) continue;
      if (raw[indent] == '\t') {
        Fail(line_no, "tab in indentation");
        return;
      }
      std::string_view content = RightTrim(raw.substr(indent));
      content = RightTrim(content.substr(0, CommentStart(content)));
      if (content.empty() || content == "---" || content == "..." ||
          (indent == 0 && content[0] == '%'))
        continue;
      lines_.push_back({static_cast<int>(indent), content, raw, line_no});
    }
  }

  static bool IsListItem(std::string_view c) { return c == "-" || c.starts_with("- "); }

  // The ':' that ends a mapping key: followed by a blank or the end, outside quotes.
  static size_t KeyColon(std::string_view c) {
    size_t from = 0;
    if (!c.empty() && (c[0] == '"' || c[0] == '\'')) {
      size_t close = c.find(c[0], 1);
      if (close == std::string_view::npos) return std::string_view::npos;
      from = close + 1;
    }
    for (size_t i = from; i < c.size(); ++i) {
      if (c[i] == ':' && (i + 1 == c.size() || c[i + 1] == ' ')) return i;
    }
    return std::string_view::npos;
  }

  bool Node(size_t* i, int indent, TreeNode* n, int depth) {
    if (depth > kMaxDepth) return Fail(lines_[*i].line, "YAML nested too deeply");
    n->line = lines_[*i].line;
    return IsListItem(lines_[*i].content) ? List(i, indent, n, depth) : Map(i, indent, n, depth);
  }

  // The value after "key:" or "- " when nothing follows on the line: a nested block, a sequence
  // at the key's own indentation, or null.
  bool NestedValue(size_t* i, int indent, TreeNode* child, int depth) {
    if (*i < lines_.size() && lines_[*i].indent > indent)
      return Node(i, lines_[*i].indent, child, depth + 1);
    if (*i < lines_.size() && lines_[*i].indent == indent && IsListItem(lines_[*i].content))
      return List(i, indent, child, depth + 1);
    return true;
  }

  bool Map(size_t* i, int indent, TreeNode* n, int depth) {
    n->kind = TreeNode::Kind::kMap;
    while (*i < lines_.size() && lines_[*i].indent == indent) {
      const YamlLine& l = lines_[*i];
      if (IsListItem(l.content)) return Fail(l.line, "a list item where a key was expected");
      size_t colon = KeyColon(l.content);
      if (colon == std::string_view::npos) return Fail(l.line, "expected 'key: value'");
      TreeNode key_node;
      if (!Scalar(Trim(l.content.substr(0, colon)), l.line, &key_node, depth)) return false;
      std::string_view rest = Trim(l.content.substr(colon + 1));
      TreeNode child;
      child.line = l.line;
      ++*i;
      if (!Value(rest, i, indent, &child, depth)) return false;
      n->map.push_back({std::move(key_node.scalar), std::move(child)});
    }
    if (*i < lines_.size() && lines_[*i].indent > indent)
      return Fail(lines_[*i].line, "unexpected indentation");
    return true;
  }

  bool List(size_t* i, int indent, TreeNode* n, int depth) {
    n->kind = TreeNode::Kind::kList;
    while (*i < lines_.size() && lines_[*i].indent == indent && IsListItem(lines_[*i].content)) {
      YamlLine& l = lines_[*i];
      std::string_view rest = l.content.size() > 1 ? Trim(l.content.substr(2)) : "";
      n->list.emplace_back();
      TreeNode* item = &n->list.back();
      item->line = l.line;
      if (!rest.empty() && KeyColon(rest) != std::string_view::npos && rest[0] != '[' &&
          rest[0] != '{') {
        // "- key: value" opens a mapping whose keys sit where "key" does.
        l.indent = indent + static_cast<int>(l.content.size() - rest.size());
        l.content = rest;
        if (!Node(i, l.indent, item, depth + 1)) return false;
        continue;
      }
      ++*i;
      if (!Value(rest, i, indent, item, depth)) return false;
    }
    return true;
  }

  // What follows "key:" / "- " on the line (`rest`), plus any lines that continue it.
  bool Value(std::string_view rest, size_t* i, int indent, TreeNode* child, int depth) {
    if (rest.empty()) return NestedValue(i, indent, child, depth);
    if (rest[0] == '&' || rest[0] == '*' || rest[0] == '!')
      return Fail(child->line, "anchors, aliases and tags are not read");
    if (rest[0] == '|' || rest[0] == '>') return BlockScalar(rest[0] == '|', i, indent, child);
    std::string joined(rest);
    // A plain or quoted scalar may go on over more-indented lines; they fold into one.
    for (; *i < lines_.size() && lines_[*i].indent > indent; ++*i)
      joined += " " + std::string(Trim(lines_[*i].raw));
    return Scalar(joined, child->line, child, depth);
  }

  bool BlockScalar(bool literal, size_t* i, int indent, TreeNode* child) {
    int block_indent = -1;
    for (; *i < lines_.size() && lines_[*i].indent > indent; ++*i) {
      if (block_indent < 0) block_indent = lines_[*i].indent;
      if (!child->scalar.empty()) child->scalar += literal ? '\n' : ' ';
      std::string_view raw = lines_[*i].raw;
      child->scalar += raw.substr(std::min<size_t>(raw.size(), static_cast<size_t>(block_indent)));
    }
    if (literal) child->scalar += '\n';
    return true;
  }

  bool Scalar(std::string_view s, int line, TreeNode* n, int depth) {
    n->kind = TreeNode::Kind::kScalar;
    if (s.empty()) return true;
    if (s[0] == '[' || s[0] == '{') return Flow(s, line, n, depth);
    if (s[0] == '\'') return SingleQuoted(s, line, &n->scalar);
    if (s[0] == '"') return DoubleQuoted(s, line, &n->scalar);
    n->scalar = std::string(s);
    return true;
  }

  bool SingleQuoted(std::string_view s, int line, std::string* out) {
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] != '\'') {
        out->push_back(s[i]);
      } else if (i + 1 < s.size() && s[i + 1] == '\'') {
        out->push_back('\'');
        ++i;
      } else {
        return i + 1 == s.size() || Fail(line, "text after a quoted scalar");
      }
    }
    return Fail(line, "unterminated quoted scalar");
  }

  bool DoubleQuoted(std::string_view s, int line, std::string* out) {
    static constexpr std::string_view kFrom = "\"\\/0abtnvfre ";
    static constexpr std::string_view kTo("\"\\/\0\a\b\t\n\v\f\r\x1b ", 13);
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] == '"') return i + 1 == s.size() || Fail(line, "text after a quoted scalar");
      if (s[i] != '\\' || i + 1 == s.size()) {
        out->push_back(s[i]);
        continue;
      }
      char c = s[++i];
      size_t k = kFrom.find(c);
      int hex_digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
      if (k != std::string_view::npos) {
        out->push_back(kTo[k]);
      } else if (unsigned cp = 0; hex_digits > 0 && HexDigits(s.substr(i + 1), hex_digits, &cp)) {
        AppendUtf8(out, cp);
        i += hex_digits;
      } else {
        return Fail(line, "unknown escape in a double-quoted scalar");
      }
    }
    return Fail(line, "unterminated quoted scalar");
  }

  // One-line [a, b] and {k: v}; items split at top-level commas.
  bool Flow(std::string_view s, int line, TreeNode* n, int depth) {
    if (depth > kMaxDepth) return Fail(line, "YAML nested too deeply");
    char close = s[0] == '[' ? ']' : '}';
    if (s.back() != close) return Fail(line, "unterminated flow collection");
    n->kind = close == ']' ? TreeNode::Kind::kList : TreeNode::Kind::kMap;
    std::string_view body = s.substr(1, s.size() - 2);
    int nesting = 0;
    char quote = 0;
    size_t start = 0;
    for (size_t i = 0; i <= body.size(); ++i) {
      char c = i < body.size() ? body[i] : ',';
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '{') {
        ++nesting;
      } else if (c == ']' || c == '}') {
        --nesting;
      } else if (c == ',' && nesting == 0) {
        std::string_view item = Trim(body.substr(start, i - start));
        start = i + 1;
        if (!item.empty() && !FlowItem(item, line, n, depth)) return false;
      }
    }
    return true;
  }

  bool FlowItem(std::string_view item, int line, TreeNode* n, int depth) {
    TreeNode value;
    value.line = line;
    if (n->kind == TreeNode::Kind::kList) {
      if (!Scalar(item, line, &value, depth + 1)) return false;
      n->list.push_back(std::move(value));
      return true;
    }
    size_t colon = KeyColon(item);
    TreeNode key;
    if (colon == std::string_view::npos) return Fail(line, "flow mapping item without ':'");
    if (!Scalar(Trim(item.substr(0, colon)), line, &key, depth + 1) ||
        !Scalar(Trim(item.substr(colon + 1)), line, &value, depth + 1))
      return false;
    n->map.push_back({std::move(key.scalar), std::move(value)});
    return true;
  }

  std::string_view path_;
  LoggingConfig* out_;
  std::vector<YamlLine> lines_;
  bool failed_ = false;
};

}  // namespace

bool ParseYamlTree(std::string_view path, std::string_view text, TreeNode* root,
                   LoggingConfig* out) {
  return YamlReader(path, text, out).Read(root);
}

}  // namespace faultline::logging_config_internal
