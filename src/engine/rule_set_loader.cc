// Rule sets: the built-in rules (embedded, or the installed rule files) and every *.toml of the
// --rules directories, parsed on several threads and gathered in one order whatever the
// threads; a rule of a directory replaces the built-in rule of its id. One rule is parsed by
// LoadRule (rule_loader.cc).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/base/install_dirs.h"
#include "src/base/parallel_indexed.h"
#include "src/engine/rule_comments.h"
#include "src/engine/rule_loader.h"

namespace faultline {
namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  *ok = static_cast<bool>(in) || in.eof();
  return buffer.str();
}

std::string IdOf(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.size() > 5 ? name.substr(0, name.size() - 5) : name;
}

// One rule file read on its own: what LoadRule gave, kept apart so that files parsed on
// several threads are taken in file order (the same rules and diagnostics as one thread).
struct ParsedRule {
  Rule rule;
  std::vector<RuleDiagnostic> diagnostics;
  bool ok = false;
};

// Parses `count` rule files on up to `threads` threads (parse(i, &out[i])): parsing TOML and
// compiling RE2 is a run's whole start-up cost (~30 ms for the built-in rules).
template <typename Parse>
std::vector<ParsedRule> ParseRules(size_t count, int threads, const Parse& parse) {
  std::vector<ParsedRule> out(count);
  RunIndexed(count, threads, [&](size_t i) { parse(i, &out[i]); });
  return out;
}

void AddOrReplace(std::vector<Rule>* rules, Rule rule) {
  for (Rule& existing : *rules) {
    if (existing.id == rule.id) {
      existing = std::move(rule);
      return;
    }
  }
  rules->push_back(std::move(rule));
}

}  // namespace

namespace {

// True when `rules` already holds a rule with `id` from a file (a built-in one may be replaced):
// one rule id in two files is an error naming both, not a silent replacement. The same file
// named twice (one --rules directory given twice) is not a conflict.
bool DuplicateId(const std::vector<Rule>& rules, const std::string& id, const std::string& path,
                 std::vector<RuleDiagnostic>* diagnostics) {
  for (const Rule& existing : rules) {
    if (existing.id != id || existing.builtin) continue;
    std::error_code ec;
    if (existing.file == path || (std::filesystem::equivalent(existing.file, path, ec) && !ec))
      return false;
    diagnostics->push_back({path, 1, 1,
                            "rule id '" + id + "' is already defined by " + existing.file +
                                " (rule ids are file names and must be unique across --rules "
                                "directories; rename one)"});
    return true;
  }
  return false;
}

}  // namespace

bool LoadRuleFiles(const std::vector<std::string>& files, std::vector<Rule>* rules,
                   std::vector<RuleDiagnostic>* diagnostics, int threads) {
  std::vector<ParsedRule> parsed =
      ParseRules(files.size(), threads, [&files](size_t i, ParsedRule* out) {
        bool read = false;
        std::string text = ReadFile(files[i], &read);
        if (!read) {
          out->diagnostics.push_back({files[i], 0, 0, "cannot read the rule file"});
          return;
        }
        // Comment lines blanked as for the built-in rules (line and column numbers stay): an
        // installed binary reads its rules from files, on every run.
        out->ok = LoadRule(BlankCommentLines(text), files[i], IdOf(files[i]), &out->rule,
                           &out->diagnostics);
      });
  bool ok = true;
  for (size_t i = 0; i < files.size(); ++i) {
    ParsedRule& p = parsed[i];
    diagnostics->insert(diagnostics->end(), p.diagnostics.begin(), p.diagnostics.end());
    if (!p.ok || DuplicateId(*rules, p.rule.id, files[i], diagnostics)) {
      ok = false;
      continue;
    }
    AddOrReplace(rules, std::move(p.rule));
  }
  return ok;
}

bool LoadRuleSet(const std::vector<std::string>& dirs, std::vector<Rule>* rules,
                 std::vector<RuleDiagnostic>* diagnostics, bool include_builtin, int threads) {
  bool ok = true;
  if (include_builtin && !InstalledRulesDir().empty()) {  // an installed binary: its rule files
    std::vector<Rule> installed;
    ok &= LoadRuleSet({InstalledRulesDir()}, &installed, diagnostics, false, threads);
    for (Rule& rule : installed) rule.builtin = true, AddOrReplace(rules, std::move(rule));
  } else if (include_builtin) {
    const std::vector<EmbeddedRule> embedded = BuiltinRuleTexts();
    std::vector<ParsedRule> parsed =
        ParseRules(embedded.size(), threads, [&embedded](size_t i, ParsedRule* out) {
          std::string file = std::string("rules/") + embedded[i].id + ".toml";
          out->ok = LoadRule(BlankCommentLines(embedded[i].text), file, embedded[i].id, &out->rule,
                             &out->diagnostics, /*trusted=*/true);
        });
    for (ParsedRule& p : parsed) {
      diagnostics->insert(diagnostics->end(), p.diagnostics.begin(), p.diagnostics.end());
      if (!p.ok) {
        ok = false;
        continue;
      }
      p.rule.builtin = true;
      AddOrReplace(rules, std::move(p.rule));
    }
  }
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
    }
    if (ec) {
      diagnostics->push_back({dir, 0, 0, "cannot read the rules directory: " + ec.message()});
      ok = false;
      continue;
    }
    std::sort(files.begin(), files.end());
    ok &= LoadRuleFiles(files, rules, diagnostics, threads);
  }
  return ok;
}

}  // namespace faultline
