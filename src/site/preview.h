// The one way out of site/ for the newsroom's preview: an article as readers would see it,
// through the reader site's own article page and the site as it is now. Never cached.
#pragma once

#include "content/clock.h"
#include "content/model.h"
#include "http/message.h"
#include "http/static_files.h"
#include "render/theme.h"
#include "security/secret.h"
#include "store/store.h"

namespace khabar::site {

http::Response render_preview(store::Store& store, const render::Theme& theme,
                              const http::StaticFiles& assets, const security::Secret& secret,
                              const content::Clock& clock, const content::Article& article);

}  // namespace khabar::site
