// Errors as values. A Status is either ok() or carries a code and a one-line
// message that names the offending input (file, line, span).
//
//   Status s = ReadFile(path, &text);
//   if (!s.ok()) return s;
//
// Thread safety: values; copy freely.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace kg {

enum class StatusCode {
  kOk = 0,
  kNotFound = 1,       // a queried name or path found nothing (query: exit 1)
  kInvalidInput = 2,   // malformed input file or graph
  kIoError = 3,        // a file could not be read or written
  kUsage = 4,          // bad command-line use
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status InvalidInput(std::string message);
Status IoError(std::string message);
Status NotFound(std::string message);
Status Usage(std::string message);

// Either a value or a non-ok Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT: implicit on purpose
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace kg
