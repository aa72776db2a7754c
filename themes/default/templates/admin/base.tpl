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
{{/ERROR}}{{>CONTENT}}
</main>
</body>
</html>
