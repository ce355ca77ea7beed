// "faultline anlyze x.log" deserves better than "A subcommand is required": name the word that
// was not understood and the command or option it was probably meant to be.
#include <cstdio>
#include <string>
#include <vector>

#include "src/base/spellcheck.h"
#include "src/cli/commands.h"

namespace faultline {
namespace {

std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// "--formt" against the long options of `command` (and its parent's, like --version).
std::vector<std::string> LongOptions(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

}  // namespace

bool ExplainMistypedWord(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return false;
  std::string first = argv[1];
  std::vector<std::string> commands = CommandNames(app);
  bool known = false;
  for (const std::string& name : commands) known = known || name == first;
  if (!known) {
    if (first.empty() || first[0] == '-') return false;  // --help, --version: CLI11 answers
    std::fprintf(
        stderr,
        "faultline: error: unknown command '%s'%s\nRun 'faultline --help' for the commands.\n",
        first.c_str(), SpellingHint(first, commands).c_str());
    return true;
  }
  const CLI::App* command = app.get_subcommand(first);
  // "rules tset": a command of a command.
  std::vector<std::string> children = CommandNames(*command);
  if (!children.empty() && argc >= 3 && argv[2][0] != '-') {
    bool child_known = false;
    for (const std::string& name : children) child_known = child_known || name == argv[2];
    if (!child_known) {
      std::fprintf(stderr,
                   "faultline: error: unknown command '%s %s'%s\nRun 'faultline %s --help' for "
                   "its commands.\n",
                   first.c_str(), argv[2], SpellingHint(argv[2], children).c_str(), first.c_str());
      return true;
    }
  }
  // An option the command does not have: the closest one it does.
  for (const CLI::App* sub = command; sub != nullptr;) {
    const CLI::App* deeper = nullptr;
    for (const CLI::App* child : sub->get_subcommands([](const CLI::App*) { return true; })) {
      for (int i = 2; i < argc; ++i) {
        if (child->get_name() == argv[i]) deeper = child;
      }
    }
    if (deeper == nullptr) break;
    command = deeper, sub = deeper;
  }
  std::vector<std::string> options = LongOptions(*command);
  for (int i = 2; i < argc; ++i) {
    std::string word = argv[i];
    if (word.rfind("--", 0) != 0) continue;
    std::string name = word.substr(0, word.find('='));
    bool exists = false;
    for (const std::string& option : options) exists = exists || option == name;
    if (exists || name == "--help") continue;
    std::string hint = SpellingHint(name, options);
    if (hint.empty()) continue;
    std::fprintf(
        stderr,
        "faultline: error: %s has no option %s%s\nRun 'faultline %s --help' for its options.\n",
        command->get_name().c_str(), name.c_str(), hint.c_str(), first.c_str());
    return true;
  }
  return false;
}

}  // namespace faultline
