// A small JSON reader for dictConfig files, into the tree the YAML reader also fills. Numbers,
// true, false and null are kept as their text: only strings matter to a logging config.
#include <cctype>

#include "parsers/logging_config_internal.h"

namespace faultline::logging_config_internal {

const TreeNode* TreeNode::Find(std::string_view key) const {
  for (auto it = map.rbegin(); it != map.rend(); ++it) {
    if (it->key == key) return &it->value;  // the last of repeated keys wins, as in Python
  }
  return nullptr;
}

namespace {

constexpr int kMaxDepth = 64;

class JsonReader {
 public:
  JsonReader(std::string_view path, std::string_view text, LoggingConfig* out)
      : path_(path), s_(text), out_(out) {}

  bool Read(TreeNode* root) {
    if (!Value(root, 0)) return false;
    SkipBlanks();
    return pos_ == s_.size() || Fail("text after the JSON value");
  }

 private:
  bool Fail(std::string_view why) {
    AddProblem(out_, path_, line_, why);
    return false;
  }

  void SkipBlanks() {
    for (; pos_ < s_.size(); ++pos_) {
      char c = s_[pos_];
      if (c == '\n') ++line_;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    }
  }

  bool Value(TreeNode* n, int depth) {
    SkipBlanks();
    if (pos_ >= s_.size()) return Fail("the JSON ends early");
    if (depth > kMaxDepth) return Fail("JSON nested too deeply");
    n->line = line_;
    if (s_[pos_] == '{') return Object(n, depth);
    if (s_[pos_] == '[') return Array(n, depth);
    if (s_[pos_] == '"') return String(&n->scalar);
    return Literal(&n->scalar);
  }

  bool Object(TreeNode* n, int depth) {
    n->kind = TreeNode::Kind::kMap;
    ++pos_;
    SkipBlanks();
    if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
    for (;;) {
      SkipBlanks();
      std::string key;
      if (pos_ >= s_.size() || s_[pos_] != '"') return Fail("expected a quoted key");
      if (!String(&key)) return false;
      SkipBlanks();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Fail("expected ':' after a key");
      ++pos_;
      n->map.push_back({std::move(key), TreeNode()});
      if (!Value(&n->map.back().value, depth + 1)) return false;
      if (!Separator('}')) return false;
      if (s_[pos_ - 1] == '}') return true;
    }
  }

  bool Array(TreeNode* n, int depth) {
    n->kind = TreeNode::Kind::kList;
    ++pos_;
    SkipBlanks();
    if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
    for (;;) {
      n->list.emplace_back();
      if (!Value(&n->list.back(), depth + 1)) return false;
      if (!Separator(']')) return false;
      if (s_[pos_ - 1] == ']') return true;
    }
  }

  // Consumes ',' or `close`.
  bool Separator(char close) {
    SkipBlanks();
    if (pos_ < s_.size() && (s_[pos_] == ',' || s_[pos_] == close)) return ++pos_, true;
    return Fail(std::string("expected ',' or '") + close + "'");
  }

  bool Hex4(unsigned* cp) {
    if (pos_ + 4 > s_.size()) return false;
    *cp = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[pos_++];
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
      *cp = *cp * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c))
                                                 ? c - '0'
                                                 : std::tolower(c) - 'a' + 10);
    }
    return true;
  }

  bool Escape(std::string* out) {
    if (pos_ >= s_.size()) return Fail("unterminated string");
    char c = s_[pos_++];
    static constexpr std::string_view kFrom = "\"\\/bfnrt", kTo = "\"\\/\b\f\n\r\t";
    if (size_t k = kFrom.find(c); k != std::string_view::npos) {
      out->push_back(kTo[k]);
      return true;
    }
    unsigned cp = 0;
    if (c != 'u' || !Hex4(&cp)) return Fail("bad escape in a string");
    // A surrogate pair spells one code point beyond the BMP.
    if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      unsigned low = 0;
      if (!Hex4(&low)) return Fail("bad escape in a string");
      if (low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(out, cp);
    return true;
  }

  bool String(std::string* out) {
    ++pos_;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return true;
      if (c == '\\') {
        if (!Escape(out)) return false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return Fail("control character in a string");
      } else {
        out->push_back(c);
      }
    }
    return Fail("unterminated string");
  }

  bool Literal(std::string* out) {
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                s_[pos_] == '-' || s_[pos_] == '+' || s_[pos_] == '.'))
      ++pos_;
    if (pos_ == start) return Fail(std::string("unexpected '") + s_[pos_] + "'");
    *out = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  std::string_view path_;
  std::string_view s_;
  LoggingConfig* out_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

bool ParseJsonTree(std::string_view path, std::string_view text, TreeNode* root,
                   LoggingConfig* out) {
  return JsonReader(path, text, out).Read(root);
}

}  // namespace faultline::logging_config_internal
