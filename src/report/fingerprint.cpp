#include "report/fingerprint.hpp"

#include <array>
#include <cstdio>
#include <unordered_map>

#include "core/utf8.hpp"

namespace kedrolint::report {
namespace {

constexpr std::size_t kBlock = 100;
constexpr std::uint64_t kBase = 37;
constexpr std::uint32_t kEof = 65535;

std::u16string to_utf16(std::string_view text) {
  std::u16string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = core::decode_utf8(text, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

class Hasher {
 public:
  explicit Hasher(std::vector<std::string>& out) : out_(out) {
    line_of_.fill(-1);
    window_.fill(0);
    first_mod_ = 1;
    for (std::size_t i = 0; i < kBlock; ++i) first_mod_ *= kBase;
  }

  void feed(std::uint32_t c) {
    if (c == ' ' || c == '\t' || (prev_cr_ && c == '\n')) {
      prev_cr_ = false;
      return;
    }
    if (c == '\r') {
      c = '\n';
      prev_cr_ = true;
    } else {
      prev_cr_ = false;
    }
    if (line_of_[index_] != -1) emit();
    if (line_start_) {
      line_start_ = false;
      ++line_;
      line_of_[index_] = line_;
    }
    if (c == '\n') line_start_ = true;
    update(c);
  }

  void finish() {
    feed(kEof);
    for (std::size_t i = 0; i < kBlock; ++i) {
      if (line_of_[index_] != -1) emit();
      update(0);
    }
  }

 private:
  void update(std::uint32_t c) {
    const std::uint32_t leaving = window_[index_];
    window_[index_] = c;
    hash_ = kBase * hash_ + c - first_mod_ * leaving;  // wraps modulo 2^64, like Long
    index_ = (index_ + 1) % kBlock;
  }

  void emit() {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(hash_));
    const int count = ++counts_[hex];
    const auto line = static_cast<std::size_t>(line_of_[index_]);
    if (out_.size() < line) out_.resize(line);
    out_[line - 1] = std::string(hex) + ":" + std::to_string(count);
    line_of_[index_] = -1;
  }

  std::vector<std::string>& out_;
  std::array<std::uint32_t, kBlock> window_{};
  std::array<long, kBlock> line_of_{};
  std::unordered_map<std::string, int> counts_;
  std::uint64_t hash_ = 0;
  std::uint64_t first_mod_ = 1;
  std::size_t index_ = 0;
  long line_ = 0;
  bool line_start_ = true;
  bool prev_cr_ = false;
};

}  // namespace

std::vector<std::string> line_hashes(std::string_view utf8_text) {
  std::vector<std::string> out;
  Hasher hasher(out);
  for (const char16_t unit : to_utf16(utf8_text)) hasher.feed(unit);
  hasher.finish();
  return out;
}

}  // namespace kedrolint::report
