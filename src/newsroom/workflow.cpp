#include "newsroom/workflow.h"

namespace khabar::newsroom {

store::Result<std::vector<content::Id>> publish_due(store::Store& store, content::Timestamp now) {
  if (!store.snapshot()->publication_due(now)) return std::vector<content::Id>{};
  auto tx = store.begin();
  auto published = tx->publish_due(now);
  if (auto s = tx->commit(); !s) return s;
  return published;
}

}  // namespace khabar::newsroom
