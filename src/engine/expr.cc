#include "src/engine/expr.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "src/base/duration.h"
#include "src/base/spellcheck.h"

namespace faultline {
namespace {

class Constant final : public Expr {
 public:
  explicit Constant(ExprValue v) : v_(v) {}
  ExprValue Eval(const ConfigValues&) const override { return v_; }
  void CollectNames(std::set<std::string>*) const override {}

 private:
  ExprValue v_;
};

class ConfigRef final : public Expr {
 public:
  explicit ConfigRef(std::string name) : name_(std::move(name)) {}
  ExprValue Eval(const ConfigValues& config) const override {
    const ConfigValue* v = config.Find(name_);
    if (v == nullptr || v->unit == ConfigUnit::kText) return {0, false};
    if (v->unit == ConfigUnit::kMillis) return {v->number * 1000.0, true};
    return {v->number, false};
  }
  void CollectNames(std::set<std::string>* names) const override { names->insert(name_); }

 private:
  std::string name_;
};

class Binary final : public Expr {
 public:
  Binary(char op, std::unique_ptr<Expr> a, std::unique_ptr<Expr> b)
      : op_(op), a_(std::move(a)), b_(std::move(b)) {}
  ExprValue Eval(const ConfigValues& config) const override {
    ExprValue x = a_->Eval(config), y = b_->Eval(config);
    switch (op_) {
      case '*':
        return {x.value * y.value, x.is_duration || y.is_duration};
      case '+':
        return {x.value + y.value, x.is_duration || y.is_duration};
      default:
        return {x.value - y.value, x.is_duration || y.is_duration};
    }
  }
  void CollectNames(std::set<std::string>* names) const override {
    a_->CollectNames(names);
    b_->CollectNames(names);
  }

 private:
  char op_;
  std::unique_ptr<Expr> a_, b_;
};

// Recursive descent: sum := product (('+'|'-') product)*; product := atom ('*' atom)*.
class ExprParser {
 public:
  explicit ExprParser(const std::string& text) : s_(text) {}

  std::unique_ptr<Expr> ParseAll(std::string* err, int* column) {
    auto e = Sum();
    Skip();
    if (e != nullptr && pos_ != s_.size()) {
      bool word = std::isalpha(static_cast<unsigned char>(s_[pos_]));
      Fail(word ? "expected + - * here; a duration is written without a space (30s, 500ms)"
                : "unexpected '" + std::string(1, s_[pos_]) + "'");
    }
    if (!err_.empty()) {
      *err = err_;
      *column = static_cast<int>(err_pos_);
      return nullptr;
    }
    return e;
  }

 private:
  void Skip() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  void Fail(const std::string& why) {
    if (err_.empty()) err_ = why, err_pos_ = pos_;
  }

  std::unique_ptr<Expr> Sum() {
    auto left = Product();
    for (;;) {
      Skip();
      if (left == nullptr || pos_ >= s_.size() || (s_[pos_] != '+' && s_[pos_] != '-')) {
        return left;
      }
      char op = s_[pos_++];
      auto right = Product();
      if (right == nullptr) return nullptr;
      left = std::make_unique<Binary>(op, std::move(left), std::move(right));
    }
  }

  std::unique_ptr<Expr> Product() {
    auto left = Atom();
    for (;;) {
      Skip();
      if (left == nullptr || pos_ >= s_.size() || s_[pos_] != '*') return left;
      ++pos_;
      auto right = Atom();
      if (right == nullptr) return nullptr;
      left = std::make_unique<Binary>('*', std::move(left), std::move(right));
    }
  }

  std::unique_ptr<Expr> Atom() {
    Skip();
    if (pos_ >= s_.size())
      return Fail("expected a number, duration or configuration name"), nullptr;
    char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      auto inner = Sum();
      Skip();
      if (pos_ >= s_.size() || s_[pos_] != ')') return Fail("expected ')'"), nullptr;
      ++pos_;
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      size_t begin = pos_;
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) {
        ++pos_;
      }
      std::string token = s_.substr(begin, pos_ - begin);
      size_t unit = token.find_first_not_of("0123456789.");
      if (unit == std::string::npos) {
        // strtod, not stod: a malformed number is a diagnostic, never an exception.
        char* end = nullptr;
        double value = std::strtod(token.c_str(), &end);
        if (end != token.c_str() + token.size() || token.size() > 18) {
          pos_ = begin;
          return Fail("bad number '" + token + "'"), nullptr;
        }
        return std::make_unique<Constant>(ExprValue{value, false});
      }
      int64_t micros = 0;
      std::string why;
      if (!ParseDuration(token, &micros, &why)) {
        pos_ = begin;
        return Fail(why), nullptr;
      }
      return std::make_unique<Constant>(ExprValue{static_cast<double>(micros), true});
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t begin = pos_;
      while (pos_ < s_.size()) {
        char d = s_[pos_];
        bool inner_dash = d == '-' && pos_ + 1 < s_.size() &&
                          std::isalpha(static_cast<unsigned char>(s_[pos_ + 1])) &&
                          std::isalpha(static_cast<unsigned char>(s_[pos_ - 1]));
        if (!(std::isalnum(static_cast<unsigned char>(d)) || d == '.' || d == '_' || inner_dash)) {
          break;
        }
        ++pos_;
      }
      std::string name = s_.substr(begin, pos_ - begin);
      if (!ConfigValues::IsKnown(name)) {
        pos_ = begin;
        return Fail("unknown configuration name '" + name + "'" +
                    SpellingHint(name, ConfigValues::KnownNames())),
               nullptr;
      }
      return std::make_unique<ConfigRef>(name);
    }
    return Fail("unexpected '" + std::string(1, c) + "'"), nullptr;
  }

  const std::string& s_;
  size_t pos_ = 0;
  std::string err_;
  size_t err_pos_ = 0;
};

}  // namespace

std::unique_ptr<Expr> Expr::Parse(const std::string& text, std::string* err, int* column) {
  ExprParser parser(text);
  return parser.ParseAll(err, column);
}

bool EvalDuration(const Expr& expr, const ConfigValues& config, int64_t* micros, std::string* err) {
  ExprValue v = expr.Eval(config);
  if (!v.is_duration) return *err = "the expression is a number, not a duration", false;
  *micros = static_cast<int64_t>(std::llround(v.value));
  return true;
}

std::string FormatExprValue(const ExprValue& value) {
  if (value.is_duration) return FormatDuration(static_cast<int64_t>(std::llround(value.value)));
  double rounded = std::round(value.value);
  if (std::fabs(value.value - rounded) < 1e-9) return std::to_string(static_cast<int64_t>(rounded));
  return std::to_string(value.value);
}

}  // namespace faultline
