{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}}</title>
{{#HAS_DESCRIPTION}}<meta name="description" content="{{DESCRIPTION}}">
{{/HAS_DESCRIPTION}}{{#NOINDEX}}<meta name="robots" content="noindex">
{{/NOINDEX}}{{#HAS_CANONICAL}}<link rel="canonical" href="{{CANONICAL}}">
{{/HAS_CANONICAL}}{{#META}}<meta property="{{PROPERTY}}" content="{{CONTENT}}">
{{/META}}{{#META_NAME}}<meta name="{{NAME}}" content="{{CONTENT}}">
{{/META_NAME}}{{#LINKED_STYLE}}<link rel="stylesheet" href="{{STYLESHEET}}">{{/LINKED_STYLE}}{{#INLINE_STYLE}}<style>{{CSS:none}}</style>{{/INLINE_STYLE}}
<link rel="icon" href="/favicon.ico" sizes="48x48">
<link rel="icon" href="/icon-192.png" type="image/png" sizes="192x192">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="manifest" href="/site.webmanifest">
<link rel="alternate" type="application/rss+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">
<link rel="alternate" type="application/atom+xml" title="{{FEED_TITLE}} (Atom)" href="{{FEED_URL}}atom/">
{{#JSON_LD}}<script type="application/ld+json">{{JSON:none}}</script>
{{/JSON_LD}}</head>
<body>
<a class="skip-link" href="#main">{{S_SKIP_TO_CONTENT}}</a>
<header class="site-header">
  <div class="wrap masthead">
    <a class="brand" href="/">{{#LOGO}}<img src="{{LOGO_SRC}}" width="{{LOGO_WIDTH}}" height="{{LOGO_HEIGHT}}" alt="{{SITE_TITLE}}">{{/LOGO}}{{#NO_LOGO}}{{SITE_TITLE}}{{/NO_LOGO}}</a>
    {{#HAS_TAGLINE}}<p class="tagline">{{TAGLINE}}</p>{{/HAS_TAGLINE}}
    <form class="site-search" role="search" action="/search/" method="get">
      <label class="visually-hidden" for="site-search-q">{{S_SEARCH_LABEL}}</label>
      <input id="site-search-q" type="search" name="q" maxlength="256" dir="auto">
      <button type="submit">{{S_SEARCH}}</button>
    </form>
  </div>
  <nav class="site-nav" aria-label="{{S_MAIN_NAVIGATION}}">
    <ul class="wrap">
      <li><a href="/">{{S_HOME}}</a></li>
      {{#NAV}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a></li>
      {{/NAV}}
    </ul>
  </nav>
</header>
{{#BREAKING}}<div class="breaking" role="region" aria-label="{{LABEL}}" lang="{{LANG}}" dir="{{DIR}}"><p class="wrap"><strong class="breaking-label">{{LABEL}}</strong> {{#LINK}}<a href="{{URL}}">{{TEXT}}</a>{{/LINK}}{{#NO_LINK}}<span>{{TEXT}}</span>{{/NO_LINK}}</p></div>
{{/BREAKING}}
<main id="main" class="wrap" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site-footer">
  <div class="wrap">
    <nav aria-label="{{S_PAGES}}"><ul>
      {{#FOOTER_PAGE}}<li><a href="{{URL}}">{{TITLE}}</a></li>
      {{/FOOTER_PAGE}}<li><a href="{{FEED_URL}}">{{S_FEED}}</a></li>
    </ul></nav>
    <p>{{SITE_TITLE}} · {{S_POWERED_BY}}</p>
  </div>
</footer>
</body>
</html>
