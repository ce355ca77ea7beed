// Pieces shared by the logging-config readers (parsers/logging_config*.cc). Not a public API.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/logging_config.h"
#include "src/base/text_out.h"  // AppendUtf8

namespace faultline::logging_config_internal {

// ---- text helpers (logging_config.cc) ----

std::string_view Trim(std::string_view s);
std::string ToLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
bool ContainsIgnoreCase(std::string_view s, std::string_view needle);
/// "<path>:<line>"
std::string Origin(std::string_view path, int line);
void AddProblem(LoggingConfig* out, std::string_view path, int line, std::string_view why);

// ---- variables (logging_config.cc) ----

/// Variables a config defines: name -> value as written (resolved on use).
using VarTable = std::map<std::string, std::string, std::less<>>;

struct VarRules {
  /// log4j2: "$${x}" is an escaped "${x}", and a prefixed lookup (${sys:x}, ${env:x}) that the
  /// running program would not answer falls back to the config's own property x.
  bool log4j2 = false;
};

/// Replaces ${name} and ${name:-default} with what `vars` defines. A name that is not defined
/// and has no default is left as written, so that the result still shows it.
std::string ResolveVars(std::string_view text, const VarTable& vars, VarRules rules = {});

// ---- format readers ----

void ReadLog4jProperties(std::string_view path, std::string_view text, LoggingConfig* out);
void ReadLog4j2Properties(std::string_view path, std::string_view text, LoggingConfig* out);
void ReadLog4j2Xml(std::string_view path, std::string_view text, LoggingConfig* out);
void ReadLogbackXml(std::string_view path, std::string_view text, LoggingConfig* out);
void ReadPythonIni(std::string_view path, std::string_view text, LoggingConfig* out);
void ReadPythonDict(std::string_view path, std::string_view text, bool json, LoggingConfig* out);

// ---- java.util.Properties (logging_config_properties.cc) ----

struct Property {
  std::string key;
  std::string value;
  int line = 0;  ///< where the (logical) line starts, 1-based
};
/// Every key = value in file order, unescaped as java.util.Properties does.
std::vector<Property> ParseJavaProperties(std::string_view path, std::string_view text,
                                          LoggingConfig* out);

// ---- minimal XML (logging_config_xml_scan.cc) ----

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attrs;  ///< entities decoded
  std::string text;  ///< character data directly inside, entities decoded, CDATA kept
  std::vector<size_t> children;
  size_t parent = 0;
  int line = 0;
};
/// elements[0] is a virtual root holding the document element(s).
struct XmlDocument {
  std::vector<XmlElement> elements;
};
/// Never fails: malformed markup is reported to `out` and scanning stops there, keeping what
/// was read.
XmlDocument ParseXml(std::string_view path, std::string_view text, LoggingConfig* out);
/// The attribute's value, matched case-insensitively; nullptr when absent.
const std::string* XmlAttr(const XmlElement& e, std::string_view name);

// ---- YAML subset and JSON, read into one tree (logging_config_tree.cc) ----

struct TreeEntry;
struct TreeNode {
  enum class Kind { kScalar, kMap, kList };
  Kind kind = Kind::kScalar;
  std::string scalar;
  std::vector<TreeEntry> map;  ///< in file order
  std::vector<TreeNode> list;
  int line = 0;
  const TreeNode* Find(std::string_view key) const;
};
struct TreeEntry {
  std::string key;
  TreeNode value;
};
/// False (and a problem) when the text is not in the subset read here.
bool ParseJsonTree(std::string_view path, std::string_view text, TreeNode* root,
                   LoggingConfig* out);
bool ParseYamlTree(std::string_view path, std::string_view text, TreeNode* root,
                   LoggingConfig* out);

}  // namespace faultline::logging_config_internal
