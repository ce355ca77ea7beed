# Writes OUT: a C++ source holding every rule file in FILES (;-separated) as a string, so the
# built-in rules work from the build tree without being installed.
file(WRITE ${OUT}.tmp "// Generated from rules/*.toml by cmake/embed_rules.cmake. Do not edit.\n")
file(APPEND ${OUT}.tmp "#include \"src/engine/rule_loader.h\"\n\nnamespace faultline {\n\n")
file(APPEND ${OUT}.tmp "std::vector<EmbeddedRule> BuiltinRuleTexts() {\n  return {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
  get_filename_component(id ${f} NAME_WE)
  file(READ ${f} text)
  file(APPEND ${OUT}.tmp "      {\"${id}\", R\"faultline_rule(${text})faultline_rule\"},\n")
endforeach()
file(APPEND ${OUT}.tmp "  };\n}\n\n}  // namespace faultline\n")
file(RENAME ${OUT}.tmp ${OUT})
