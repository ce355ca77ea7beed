// Does a log file given to faultline come from a configured appender? Compares base names,
// allowing for rotation (zookeeper.log.3, server.log.2024-01-01-13), compression (.gz), the
// %d{...} / %i of log4j2 filePattern and logback fileNamePattern, and ${vars} the config leaves
// open (those match anything, and only weakly).
#include <cctype>

#include "parsers/logging_config_internal.h"

namespace faultline {
namespace {

using logging_config_internal::Trim;

std::string_view StripCompression(std::string_view name) {
  for (std::string_view ext : {".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip", ".Z"}) {
    if (name.size() > ext.size() && name.ends_with(ext))
      return name.substr(0, name.size() - ext.size());
  }
  return name;
}

// After the last '/' or '\' that is not inside "{...}" (a %d{yyyy/MM} makes directories).
std::string_view TemplateBase(std::string_view t) {
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') ++depth;
    if (t[i] == '}' && depth > 0) --depth;
    if ((t[i] == '/' || t[i] == '\\') && depth == 0) start = i + 1;
  }
  return t.substr(start);
}

// ".1", ".2024-01-01", "-20240101.3": what log4j 1 and Python rotation append.
bool IsRotationSuffix(std::string_view s) {
  if (s.size() < 2 || (s[0] != '.' && s[0] != '-' && s[0] != '_')) return false;
  bool digit = false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != '.' && c != '-' && c != '_' && c != ':') {
      return false;
    }
  }
  return digit;
}

struct Piece {
  enum class Kind { kLiteral, kVar, kDate, kIndex } kind;
  std::string text;
};

// "${...}" -> kVar; with `conversions`, "%d{...}" -> kDate, "%i" -> kIndex, "%%" -> '%'.
std::vector<Piece> Pieces(std::string_view t, bool conversions) {
  std::vector<Piece> out;
  auto literal = [&](char c) {
    if (out.empty() || out.back().kind != Piece::Kind::kLiteral)
      out.push_back({Piece::Kind::kLiteral, ""});
    out.back().text.push_back(c);
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.substr(i, 2) == "${") {
      size_t close = t.find('}', i);
      if (close == std::string_view::npos) close = t.size() - 1;
      out.push_back({Piece::Kind::kVar, ""});
      i = close;
    } else if (conversions && t[i] == '%' && i + 1 < t.size()) {
      char c = t[++i];
      if (c == '%') {
        literal('%');
        continue;
      }
      while (i + 1 < t.size() && std::isalpha(static_cast<unsigned char>(t[i + 1]))) ++i;
      if (i + 1 < t.size() && t[i + 1] == '{') i = std::min(t.find('}', i), t.size() - 1);
      out.push_back({c == 'i' ? Piece::Kind::kIndex : Piece::Kind::kDate, ""});
    } else {
      literal(t[i]);
    }
  }
  return out;
}

// Glob matching with memoised backtracking: vars take any text, dates any non-empty text,
// indexes one or more digits.
class Glob {
 public:
  Glob(const std::vector<Piece>& pieces, std::string_view s)
      : p_(pieces), s_(s), failed_((p_.size() + 1) * (s_.size() + 1), false) {}
  bool Match() { return From(0, 0); }

 private:
  bool From(size_t p, size_t i) {
    if (p == p_.size()) return i == s_.size();
    size_t memo = p * (s_.size() + 1) + i;
    if (failed_[memo]) return false;
    if (Try(p, i)) return true;
    failed_[memo] = true;
    return false;
  }

  bool Try(size_t p, size_t i) {
    const Piece& piece = p_[p];
    switch (piece.kind) {
      case Piece::Kind::kLiteral:
        return s_.substr(i, piece.text.size()) == piece.text && From(p + 1, i + piece.text.size());
      case Piece::Kind::kIndex:
        for (size_t j = i; j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j])); ++j) {
          if (From(p + 1, j + 1)) return true;
        }
        return false;
      case Piece::Kind::kVar:
      case Piece::Kind::kDate:
        for (size_t j = piece.kind == Piece::Kind::kVar ? i : i + 1; j <= s_.size(); ++j) {
          if (From(p + 1, j)) return true;
        }
        return false;
    }
    return false;
  }

  const std::vector<Piece>& p_;
  std::string_view s_;
  std::vector<bool> failed_;
};

bool HasVar(const std::vector<Piece>& pieces) {
  for (const Piece& p : pieces) {
    if (p.kind == Piece::Kind::kVar) return true;
  }
  return false;
}

// `name`, or `name` without a rotation suffix, matches the template.
bool MatchesWithRotation(const std::vector<Piece>& pieces, std::string_view name) {
  if (Glob(pieces, name).Match()) return true;
  for (size_t k = 1; k < name.size(); ++k) {
    if (IsRotationSuffix(name.substr(k)) && Glob(pieces, name.substr(0, k)).Match()) return true;
  }
  return false;
}

FileMatch Better(FileMatch a, FileMatch b) { return a > b ? a : b; }

FileMatch MatchTemplate(std::string_view file, std::string_view name, bool conversions) {
  if (file.empty()) return FileMatch::kNo;
  std::vector<Piece> pieces = Pieces(TemplateBase(StripCompression(file)), conversions);
  if (pieces.empty()) return FileMatch::kNo;  // a directory, "${dir}/"
  bool rotation = !conversions;               // a rolled pattern already spells its rotation
  if (!(rotation ? MatchesWithRotation(pieces, name) : Glob(pieces, name).Match()))
    return FileMatch::kNo;
  return HasVar(pieces) ? FileMatch::kWildcard : FileMatch::kExact;
}

}  // namespace

FileMatch MatchLogFile(const ConfiguredLayout& layout, std::string_view log_path) {
  std::string_view name = StripCompression(TemplateBase(log_path));
  if (name.empty()) return FileMatch::kNo;
  FileMatch best = MatchTemplate(Trim(layout.file), name, false);
  best = Better(best, MatchTemplate(Trim(layout.rolled_file), name, true));
  if (best != FileMatch::kExact)
    best = Better(best, MatchTemplate(Trim(layout.file_template), name, false));
  return best;
}

}  // namespace faultline
