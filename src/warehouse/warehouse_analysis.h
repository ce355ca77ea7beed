// `analyze --engine URL`: the analysis of Analyze() (src/engine/analysis.h) over records already
// shipped to ClickHouse. Each rule is compiled to SQL (rule_sql.h) that runs in ClickHouse and
// returns only the records the rule needs; they are decoded back into exact Records and fed, in
// the merged stream's order, to engines that each hold a share of the rules (as analyze -j),
// whose results are then merged. Sources, configuration values, the record count and the
// components seen come from the warehouse's tables and SQL aggregates, so the same report code
// renders the result.
#pragma once

#include <vector>

#include "src/base/reporter.h"
#include "src/engine/analysis.h"
#include "src/warehouse/clickhouse_url.h"
#include "src/warehouse/rule_sql.h"

namespace faultline {

struct WarehouseRequest {
  ClickHouseUrl url;
  SqlWindow window;  ///< --since / --from / --to
  int jobs = 1;      ///< engines (and concurrent queries), each with a share of the rules
  /// --explain: near misses and half-matched chains need every candidate record, so only the
  /// conditions of the steps run in ClickHouse (rule_sql.h, stage a).
  bool every_candidate = false;
};

/// False, with the reason on `reporter` (server down, credentials refused, no or another
/// schema, a query refused), when nothing could be analysed. `rules` must outlive `out`.
bool AnalyzeWarehouse(const WarehouseRequest& request, const std::vector<const Rule*>& rules,
                      Reporter* reporter, Analysis* out);

}  // namespace faultline
