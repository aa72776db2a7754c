{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{TITLE}} – {{SITE_TITLE}} admin</title>
<link rel="stylesheet" href="{{STYLESHEET}}">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="admin-header">
  <a class="admin-brand" href="/admin/">{{SITE_TITLE}}</a>
  {{#SIGNED_IN}}
  <nav class="admin-nav" aria-label="Admin">
    <ul>
      {{#NAV}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
      {{/NAV}}<li><a href="/">View site</a></li>
    </ul>
  </nav>
  <form class="sign-out" method="post" action="/admin/logout">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <span class="whoami">{{USER_NAME}} ({{USER_ROLE}})</span>
    <button type="submit">Sign out</button>
  </form>
  {{/SIGNED_IN}}
</header>
<main id="main" class="admin-main" tabindex="-1">
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ERROR}}<p class="error" role="alert">{{TEXT}}</p>
{{/ERROR}}{{#LIST_SEARCH}}<form class="list-search" method="get" action="{{PATH}}" role="search">
  <label for="list-q">Search {{WHAT}}</label> <input id="list-q" name="q" type="search" value="{{QUERY}}"> <button>Search</button>
</form>
{{/LIST_SEARCH}}{{>CONTENT}}{{#PAGER}}<nav class="pager" aria-label="Pages"><span>{{PAGER_SHOWN}}</span>
  {{#PREV}}<a rel="prev" href="{{HREF}}">Previous page</a>{{/PREV}} {{#NEXT}}<a rel="next" href="{{HREF}}">Next page</a>{{/NEXT}}</nav>
{{/PAGER}}
</main>
</body>
</html>
