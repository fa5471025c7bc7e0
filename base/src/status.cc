#include "kg/base/status.h"

namespace kg {

Status InvalidInput(std::string message) { return Status(StatusCode::kInvalidInput, std::move(message)); }
Status IoError(std::string message) { return Status(StatusCode::kIoError, std::move(message)); }
Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
Status Usage(std::string message) { return Status(StatusCode::kUsage, std::move(message)); }

}  // namespace kg
