#include "neo4j_writer.h"

#include <set>
#include <string>

namespace kg {

namespace {

// One CSV field (RFC 4180, as neo4j-admin and LOAD CSV read it): quoted
// when it holds a comma, a quote or a line break; line breaks become
// spaces so every record is one line.
void Field(std::string_view s, std::string* out) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (quote) out->push_back('"');
  for (char c : s) {
    if (c == '"') out->append("\"\"");
    else if (c == '\n' || c == '\r') out->push_back(' ');
    else out->push_back(c);
  }
  if (quote) out->push_back('"');
}

void Row(std::initializer_list<std::string_view> fields, std::string* out) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out->push_back(',');
    first = false;
    Field(f, out);
  }
  out->push_back('\n');
}

// Neo4j node labels: every entity is an Entity, and one label for its type.
std::string_view LabelOf(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "Entity;Person";
    case EntityType::kOrg: return "Entity;Organization";
    case EntityType::kLocation: return "Entity;Location";
    case EntityType::kProduct: return "Entity;Product";
    case EntityType::kOther: return "Entity;Other";
  }
  return "Entity";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out.append(out.empty() ? "" : " | ").append(s);
  return out;
}

void Nodes(const KnowledgeGraph& g, OutputBuffer* buffer) {
  std::string& out = *buffer->str();
  out.append("id:ID,name,type,aliases,mentions:long,documents:int,first_seen:date,last_seen:date,:LABEL\n");
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    DateRange seen = NodeSeen(g, v);
    Row({n.id, n.label, EntityTypeName(n.type), Join(n.aliases), std::to_string(n.mentions),
         std::to_string(n.documents.size()), FormatDate(seen.first), FormatDate(seen.last), LabelOf(n.type)},
        &out);
    buffer->Flush();
  }
}

void Relationships(const KnowledgeGraph& g, OutputBuffer* buffer) {
  std::string& out = *buffer->str();
  out.append(":START_ID,:END_ID,:TYPE,kind,weight:long,first_seen:date,last_seen:date,evidence_count:int,evidence,document\n");
  const auto& docs = g.documents();
  for (const EdgeRef& e : g.edges()) {
    const EdgeData& d = *e.data;
    const Evidence* ev = d.evidence.empty() ? nullptr : &d.evidence[0];
    Row({g.node(e.source).id, g.node(e.target).id, d.relation, EdgeKindName(d.kind), std::to_string(d.weight),
         FormatDate(d.seen.first), FormatDate(d.seen.last), std::to_string(d.evidence.size()),
         ev ? ev->text : std::string_view(), ev ? std::string_view(docs[ev->document].id) : std::string_view()},
        &out);
    buffer->Flush();
  }
}

// A Cypher name in backticks; a Cypher string in single quotes.
std::string Backticked(std::string_view s) {
  std::string out = "`";
  for (char c : s) out.append(c == '`' ? "``" : std::string(1, c));
  return out + "`";
}
std::string Quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

void Script(const KnowledgeGraph& g, OutputBuffer* buffer) {
  std::string& out = *buffer->str();
  out.append(
      "// Loads nodes.csv and relationships.csv with LOAD CSV. Copy both into Neo4j's import\n"
      "// directory, then: cypher-shell -u neo4j -p PASSWORD -f load.cypher\n"
      "// For a large graph, neo4j-admin is much faster and reads the same files:\n"
      "//   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j\n"
      "// Co-occurrence relationships (kind 'cooccurrence') have no direction: match them with -[]-.\n"
      "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n"
      "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
      "MERGE (e:Entity {id: row.`id:ID`})\n"
      "SET e.name = row.name, e.type = row.type, e.aliases = row.aliases,\n"
      "    e.mentions = toInteger(row.`mentions:long`), e.documents = toInteger(row.`documents:int`),\n"
      "    e.first_seen = date(row.`first_seen:date`), e.last_seen = date(row.`last_seen:date`)\n"
      "FOREACH (_ IN CASE WHEN row.type = 'PERSON' THEN [1] ELSE [] END | SET e:Person)\n"
      "FOREACH (_ IN CASE WHEN row.type = 'ORG' THEN [1] ELSE [] END | SET e:Organization)\n"
      "FOREACH (_ IN CASE WHEN row.type = 'LOCATION' THEN [1] ELSE [] END | SET e:Location)\n"
      "FOREACH (_ IN CASE WHEN row.type = 'PRODUCT' THEN [1] ELSE [] END | SET e:Product)\n"
      "FOREACH (_ IN CASE WHEN row.type = 'OTHER' THEN [1] ELSE [] END | SET e:Other);\n");
  // Cypher cannot take a relationship type from data: one pass over the
  // file for each type, in name order.
  std::set<std::string_view> types;
  for (const EdgeRef& e : g.edges()) types.insert(e.data->relation);
  for (std::string_view type : types) {
    out.append("LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\nWITH row WHERE row.`:TYPE` = ");
    out.append(Quoted(type)).append("\n");
    out.append("MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})\n");
    out.append("CREATE (a)-[r:").append(Backticked(type)).append("]->(b)\n");
    out.append(
        "SET r.kind = row.kind, r.weight = toInteger(row.`weight:long`),\n"
        "    r.first_seen = date(row.`first_seen:date`), r.last_seen = date(row.`last_seen:date`),\n"
        "    r.evidence_count = toInteger(row.`evidence_count:int`), r.evidence = row.evidence, r.document = row.document;\n");
    buffer->Flush();
  }
}

}  // namespace

void Neo4jWriter::WritePart(size_t k, const KnowledgeGraph& g, OutputBuffer* out) const {
  if (k == 0) Nodes(g, out);
  else if (k == 1) Relationships(g, out);
  else Script(g, out);
}

}  // namespace kg
