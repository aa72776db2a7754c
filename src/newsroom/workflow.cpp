#include "newsroom/workflow.h"

namespace khabar::newsroom {

store::Result<std::vector<content::Id>> publish_due(store::Store& store, content::Timestamp now) {
  if (store.due_for_publication(now).empty()) return std::vector<content::Id>{};
  auto tx = store.begin();
  auto published = tx->publish_due(now);
  if (auto s = tx->commit(); !s) return s;
  return published;
}

}  // namespace khabar::newsroom
