// faultline: reads ZooKeeper, HDFS-HA (ZKFC, NameNode, JournalNode) and kazoo logs, lines them
// up on one clock, and tells what broke first. main() only builds the command line, parses it
// and runs the chosen command; everything else lives in the core library.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "src/base/install_dirs.h"
#include "src/cli/commands.h"
#include "src/engine/rule_loader.h"

#ifndef FAULTLINE_GIT_COMMIT
#define FAULTLINE_GIT_COMMIT "unknown"
#endif

namespace {

// "faultline 0.1.0 (commit 1a2b3c4)" and the rules this binary would use, and where from.
std::string VersionText() {
  std::vector<faultline::Rule> rules;
  std::vector<faultline::RuleDiagnostic> diagnostics;
  faultline::LoadRuleSet({}, &rules, &diagnostics);
  const std::string& dir = faultline::InstalledRulesDir();
  return "faultline " FAULTLINE_VERSION " (commit " FAULTLINE_GIT_COMMIT ")\n" +
         std::to_string(rules.size()) + " rules " +
         (dir.empty() ? std::string("(built in)") : "from " + dir) +
         (diagnostics.empty() ? "" : ", " + std::to_string(diagnostics.size()) + " rule error(s)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "faultline: line up ZooKeeper, HDFS-HA and kazoo logs on one clock and find what broke "
      "first.\nLog times without a zone are read as UTC unless --tz says otherwise.",
      "faultline"};
  app.set_version_flag("--version", VersionText, "Print the version, git commit and rules count");
  app.require_subcommand(1);
  app.footer("Run 'faultline COMMAND --help' for a command's options; see faultline(1).");
  std::vector<faultline::CommandRunner> commands = {
      faultline::SetupAnalyze(&app),    faultline::SetupTimeline(&app),
      faultline::SetupEvents(&app),     faultline::SetupSources(&app),
      faultline::SetupRules(&app),      faultline::SetupScan(&app),
      faultline::SetupLayouts(&app),    faultline::SetupShip(&app),
      faultline::SetupCompletion(&app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (faultline::ExplainMistypedWord(app, argc, argv)) return faultline::kExitError;
    int status = app.exit(e);
    return status == 0 ? faultline::kExitOk : faultline::kExitError;
  }
  for (const auto& run : commands) {
    int status = run();
    if (status >= 0) return status;
  }
  return faultline::kExitError;
}
