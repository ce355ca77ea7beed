// A small XML scanner for logging configs: elements, attributes, character data, CDATA,
// entities; comments, processing instructions and DOCTYPE skipped. No namespaces, no DTD
// entities, no validation. It never fails: at the first thing it cannot read it reports a
// problem and keeps what it has.
#include <algorithm>
#include <cctype>

#include "parsers/logging_config_internal.h"

namespace faultline::logging_config_internal {
namespace {

// Deeper than any logging config; bounds the work on hostile input.
constexpr size_t kMaxDepth = 200;

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Decodes one "&...;" at s[i]; appends it and returns the index after it, or appends '&' and
// returns i + 1 when it is not an entity this scanner knows.
size_t DecodeEntity(std::string_view s, size_t i, std::string* out) {
  size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12) {
    out->push_back('&');
    return i + 1;
  }
  std::string_view name = s.substr(i + 1, semi - i - 1);
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [n, c] : kNamed) {
    if (name == n) {
      out->push_back(c);
      return semi + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    unsigned cp = 0;
    bool ok = !digits.empty();
    for (char c : digits) {
      int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c))
                  ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                  : -1;
      if (v < 0 || cp > 0x10FFFF) ok = false;
      if (ok) cp = cp * (hex ? 16 : 10) + static_cast<unsigned>(v);
    }
    if (ok) {
      AppendUtf8(out, cp);
      return semi + 1;
    }
  }
  out->push_back('&');
  return i + 1;
}

std::string DecodeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      i = DecodeEntity(s, i, &out);
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

class Scanner {
 public:
  Scanner(std::string_view path, std::string_view text, LoggingConfig* out)
      : path_(path), s_(text), out_(out) {
    doc_.elements.emplace_back();  // the virtual root
    stack_.push_back(0);
  }

  XmlDocument Run() {
    while (pos_ < s_.size() && Step()) {
    }
    if (stack_.size() > 1) {
      const XmlElement& open = doc_.elements[stack_.back()];
      Problem(open.line, "the file ends inside <" + open.name + ">");
    }
    return std::move(doc_);
  }

 private:
  int LineAt(size_t offset) {
    // Lines are counted incrementally: offsets only grow.
    for (; counted_ < offset && counted_ < s_.size(); ++counted_) {
      if (s_[counted_] == '\n') ++line_;
    }
    return line_;
  }

  void Problem(int line, std::string_view why) { AddProblem(out_, path_, line, why); }

  bool Fail(std::string_view why) {
    Problem(LineAt(pos_), why);
    return false;
  }

  // Skips from pos_ past `terminator`; false at end of input.
  bool SkipPast(std::string_view terminator, std::string_view what) {
    size_t end = s_.find(terminator, pos_);
    if (end == std::string_view::npos) return Fail("unterminated " + std::string(what));
    pos_ = end + terminator.size();
    return true;
  }

  bool Step() {
    if (s_[pos_] != '<') return Text();
    std::string_view rest = s_.substr(pos_);
    if (rest.starts_with("<!--")) return SkipPast("-->", "comment");
    if (rest.starts_with("<![CDATA[")) return Cdata();
    if (rest.starts_with("<?")) return SkipPast("?>", "processing instruction");
    if (rest.starts_with("<!")) return Declaration();
    if (rest.starts_with("</")) return EndTag();
    return StartTag();
  }

  bool Text() {
    size_t end = std::min(s_.find('<', pos_), s_.size());
    if (stack_.size() > 1)
      doc_.elements[stack_.back()].text += DecodeText(s_.substr(pos_, end - pos_));
    pos_ = end;
    return true;
  }

  bool Cdata() {
    size_t start = pos_ + 9;
    if (!SkipPast("]]>", "CDATA section")) return false;
    if (stack_.size() > 1) doc_.elements[stack_.back()].text += s_.substr(start, pos_ - 3 - start);
    return true;
  }

  // <!DOCTYPE ...> with an optional [internal subset].
  bool Declaration() {
    int brackets = 0;
    for (size_t i = pos_ + 2; i < s_.size(); ++i) {
      if (s_[i] == '[') ++brackets;
      if (s_[i] == ']') --brackets;
      if (s_[i] == '>' && brackets <= 0) {
        pos_ = i + 1;
        return true;
      }
    }
    return Fail("unterminated <! declaration");
  }

  std::string_view Name() {
    size_t start = pos_;
    while (pos_ < s_.size() && IsNameChar(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  void SkipBlanks() {
    while (pos_ < s_.size() && IsBlank(s_[pos_])) ++pos_;
  }

  bool EndTag() {
    pos_ += 2;
    std::string_view name = Name();
    SkipBlanks();
    if (pos_ >= s_.size() || s_[pos_] != '>')
      return Fail("malformed end tag </" + std::string(name));
    ++pos_;
    auto open = std::find_if(stack_.rbegin(), stack_.rend() - 1,
                             [&](size_t e) { return doc_.elements[e].name == name; });
    if (open == stack_.rend() - 1) {
      Problem(LineAt(pos_), "</" + std::string(name) + "> closes nothing");
      return true;
    }
    if (open != stack_.rbegin()) {
      Problem(LineAt(pos_), "</" + std::string(name) + "> closes <" +
                                doc_.elements[stack_.back()].name + "> too early");
    }
    stack_.erase(open.base() - 1, stack_.end());
    return true;
  }

  // name="value", name='value', or a bare name; false at a malformed attribute.
  bool Attribute(XmlElement* e) {
    std::string_view name = Name();
    if (name.empty()) return Fail("unexpected character in a tag");
    SkipBlanks();
    std::string value;
    if (pos_ < s_.size() && s_[pos_] == '=') {
      ++pos_;
      SkipBlanks();
      if (pos_ >= s_.size()) return Fail("unterminated tag");
      char quote = s_[pos_];
      if (quote != '"' && quote != '\'') return Fail("attribute value without quotes");
      size_t end = s_.find(quote, pos_ + 1);
      if (end == std::string_view::npos) return Fail("unterminated attribute value");
      value = DecodeText(s_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
    }
    e->attrs.emplace_back(std::string(name), std::move(value));
    return true;
  }

  bool StartTag() {
    int line = LineAt(pos_);
    ++pos_;
    XmlElement e;
    e.name = std::string(Name());
    e.line = line;
    if (e.name.empty()) return Fail("'<' that starts no tag");
    bool self_closing = false;
    for (;;) {
      SkipBlanks();
      if (pos_ >= s_.size()) return Fail("unterminated tag <" + e.name + ">");
      if (s_[pos_] == '>') break;
      if (s_.substr(pos_, 2) == "/>") {
        self_closing = true;
        ++pos_;
        break;
      }
      if (!Attribute(&e)) return false;
    }
    ++pos_;
    if (stack_.size() > kMaxDepth) return Fail("elements nested too deeply");
    size_t index = doc_.elements.size();
    e.parent = stack_.back();
    doc_.elements[e.parent].children.push_back(index);
    doc_.elements.push_back(std::move(e));
    if (!self_closing) stack_.push_back(index);
    return true;
  }

  std::string_view path_;
  std::string_view s_;
  LoggingConfig* out_;
  XmlDocument doc_;
  std::vector<size_t> stack_;
  size_t pos_ = 0;
  size_t counted_ = 0;
  int line_ = 1;
};

}  // namespace

XmlDocument ParseXml(std::string_view path, std::string_view text, LoggingConfig* out) {
  return Scanner(path, text, out).Run();
}

const std::string* XmlAttr(const XmlElement& e, std::string_view name) {
  for (const auto& [key, value] : e.attrs) {
    if (EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

}  // namespace faultline::logging_config_internal
