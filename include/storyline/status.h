// Status and Result<T>: how storyline reports errors. The core never throws;
// every fallible function returns one of these (leveldb's Status, with a
// value-carrying Result in the style of std::expected).
//
//   Result<Article> r = ParseArticle(line);
//   if (!r.ok()) { report(r.status()); continue; }
//   Use(*r);
//
// Thread-safety: values; safe to copy and move between threads.
#ifndef STORYLINE_STATUS_H_
#define STORYLINE_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace storyline {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,     // outside bytes that are not what they claim to be
  kInvalidArgument,  // a caller passed something meaningless
  kNotFound,
  kIoError,
  kAlreadyExists,
  kInternal,
};

class Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string_view msg) { return {StatusCode::kInvalidInput, msg}; }
  static Status InvalidArgument(std::string_view msg) {
    return {StatusCode::kInvalidArgument, msg};
  }
  static Status NotFound(std::string_view msg) { return {StatusCode::kNotFound, msg}; }
  static Status IoError(std::string_view msg) { return {StatusCode::kIoError, msg}; }
  static Status AlreadyExists(std::string_view msg) { return {StatusCode::kAlreadyExists, msg}; }
  static Status Internal(std::string_view msg) { return {StatusCode::kInternal, msg}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid input: <message>", or "OK".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string_view msg) : code_(code), message_(msg) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: !ok() for a meaningful status; OK when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace storyline

#define STORYLINE_RETURN_IF_ERROR(expr) \
  do {                                  \
    ::storyline::Status _st = (expr);   \
    if (!_st.ok()) return _st;          \
  } while (0)

#endif  // STORYLINE_STATUS_H_
