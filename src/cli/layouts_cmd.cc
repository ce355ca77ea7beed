// `faultline layouts`: the built-in layouts, as the logging patterns that write them (the table
// in parsers/builtin_layouts.cc, which detection and the tests read too). --markdown prints the
// table kept in docs/layouts.md.
#include <cstdio>
#include <memory>
#include <string>

#include "parsers/builtin_layouts.h"
#include "src/base/terminal.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"

namespace faultline {
namespace {

struct LayoutsOptions {
  bool markdown = false;
  std::string color = "auto";  // accepted as on every command; the table is not coloured
};

std::string SyntaxName(PatternSyntax syntax) {
  return syntax == PatternSyntax::kLog4j ? "log4j" : "python";
}

// What reads the layout: a hand-written scanner (the fastest layouts) or its compiled pattern.
std::string ReadBy(const BuiltinLayout& layout) {
  return layout.parser.empty() ? "pattern" : "scanner";
}

std::string Pattern(const BuiltinLayout& layout) {
  std::string text(layout.pattern);
  if (!layout.datefmt.empty()) text += " (datefmt " + std::string(layout.datefmt) + ")";
  return text;
}

int RunLayouts(const LayoutsOptions& o) {
  OutputBuffer out(stdout);
  std::string* text = out.text();
  if (o.markdown) {
    text->append("| name | read by | syntax | pattern | written by |\n|---|---|---|---|---|\n");
    for (const BuiltinLayout& layout : BuiltinLayouts()) {
      std::string pattern = Pattern(layout);
      // A '|' inside a pattern would end the Markdown cell.
      for (size_t at = pattern.find('|'); at != std::string::npos; at = pattern.find('|', at + 2)) {
        pattern.replace(at, 1, "\\|");
      }
      *text += "| " + std::string(layout.name) + " | " + ReadBy(layout) + " | " +
               SyntaxName(layout.syntax) + " | `" + pattern + "` | " + std::string(layout.writers) +
               " |\n";
    }
  } else {
    for (const BuiltinLayout& layout : BuiltinLayouts()) {
      char head[128];
      std::snprintf(head, sizeof head, "%-20s %-8s %-6s ", std::string(layout.name).c_str(),
                    ReadBy(layout).c_str(), SyntaxName(layout.syntax).c_str());
      *text +=
          head + Pattern(layout) + "\n" + std::string(37, ' ') + std::string(layout.writers) + "\n";
    }
  }
  out.Flush();
  return kExitOk;
}

}  // namespace

CommandRunner SetupLayouts(CLI::App* app) {
  auto options = std::make_shared<LayoutsOptions>();
  CLI::App* cmd = app->add_subcommand(
      "layouts", "List the built-in log layouts, as the logging patterns that write them");
  cmd->add_flag("--markdown", options->markdown, "As a Markdown table (docs/layouts.md)");
  AddColorOption(cmd, &options->color);
  cmd->footer(
      "A layout not listed can be given with --layout PATTERN on any reading command, or\n"
      "learnt from a logging config (log4j.properties, log4j2.xml, logback.xml, logging.conf,\n"
      "dictConfig YAML/JSON) among the inputs or given with --config.\n"
      "Example:\n"
      "  faultline events --layout '%d{ISO8601} %-5p [%t] %c: %m%n' app.log");
  return [cmd, options] { return cmd->parsed() ? RunLayouts(*options) : -1; };
}

}  // namespace faultline
