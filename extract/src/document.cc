#include "kg/extract/document.h"

#include <string>

#include "kg/base/text.h"

namespace kg {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLocation: return "LOCATION";
    case EntityType::kProduct: return "PRODUCT";
    case EntityType::kOther: return "OTHER";
  }
  return "OTHER";
}

bool ParseEntityType(std::string_view name, EntityType* type) {
  std::string n;
  for (char c : name) n.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  static const struct { const char* name; EntityType type; } kNames[] = {
      {"PERSON", EntityType::kPerson}, {"PER", EntityType::kPerson}, {"PERS", EntityType::kPerson},
      {"ORG", EntityType::kOrg}, {"ORGANIZATION", EntityType::kOrg}, {"ORGANISATION", EntityType::kOrg},
      {"COMPANY", EntityType::kOrg}, {"LOCATION", EntityType::kLocation}, {"LOC", EntityType::kLocation},
      {"GPE", EntityType::kLocation}, {"PLACE", EntityType::kLocation}, {"PRODUCT", EntityType::kProduct},
      {"PROD", EntityType::kProduct}, {"OTHER", EntityType::kOther}, {"MISC", EntityType::kOther},
      {"EVENT", EntityType::kOther}, {"WORK", EntityType::kOther}, {"LAW", EntityType::kOther}};
  for (const auto& k : kNames) {
    if (n == k.name) {
      *type = k.type;
      return true;
    }
  }
  return false;
}

}  // namespace kg
