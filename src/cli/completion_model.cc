#include "src/cli/completion_model.h"

#include <sstream>

#include "parsers/registry.h"

namespace faultline {
namespace {

std::vector<std::string> Split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + separator.size();
  }
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// Values checked at run time rather than by CLI11, named here so they are offered too.
bool KnownWords(const std::string& name, std::vector<std::string>* words) {
  if (name == "--format" || name == "--log-format") {
    *words = Split(ParserNames(), ", ");
  } else if (name == "--level") {
    *words = {"trace", "debug", "info", "warn", "error", "fatal"};
  } else if (name == "--component") {
    *words = {"zk", "zkfc", "namenode", "journalnode", "monitor", "other"};
  } else {
    return false;
  }
  return true;
}

// An option's values: its IsMember set ("TEXT:{a,b,c}" in CLI11's full type name), else known
// names, else by its type name (DIR, FILE, RULE; a bare operand is a path).
void Classify(const CLI::Option& option, const std::string& name, ValueKind* kind,
              std::vector<std::string>* words) {
  std::vector<std::string> parts = Split(option.get_type_name(), ":");
  for (const std::string& part : parts) {
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      *words = Split(part.substr(1, part.size() - 2), ",");
      *kind = ValueKind::kWords;
      return;
    }
  }
  if (KnownWords(name, words)) {
    *kind = ValueKind::kWords;
    return;
  }
  const std::string& type = parts.front();
  bool dir = type == "DIR" || std::find(parts.begin(), parts.end(), "DIR") != parts.end();
  *kind = dir                                         ? ValueKind::kDirs
          : type == "FILE"                            ? ValueKind::kFiles
          : type == "RULE"                            ? ValueKind::kRules
          : option.get_positional() && type == "TEXT" ? ValueKind::kFiles
                                                      : ValueKind::kNone;
}

void Walk(const CLI::App& app, const std::string& path, std::vector<CompletionCommand>* out) {
  CompletionCommand command;
  command.path = path;
  std::vector<const CLI::App*> children =
      app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
  for (const CLI::App* sub : children) {
    command.subcommands.emplace_back(sub->get_name(), FirstLine(sub->get_description()));
  }
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    if (option->get_positional() && !option->nonpositional()) {
      if (command.positional == ValueKind::kNone) {
        std::vector<std::string> unused;
        Classify(*option, "", &command.positional, &unused);
      }
      continue;
    }
    CompletionOption spec;
    for (const std::string& l : option->get_lnames()) spec.names.push_back("--" + l);
    for (const std::string& s : option->get_snames()) spec.names.push_back("-" + s);
    spec.help = FirstLine(option->get_description());
    spec.takes_value = option->get_items_expected_max() > 0;
    if (spec.takes_value) Classify(*option, spec.names.front(), &spec.kind, &spec.words);
    command.options.push_back(std::move(spec));
  }
  out->push_back(std::move(command));
  for (const CLI::App* sub : children) {
    Walk(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

}  // namespace

std::vector<CompletionCommand> CompletionModel(const CLI::App& app) {
  std::vector<CompletionCommand> model;
  Walk(app, "", &model);
  return model;
}

}  // namespace faultline
