{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="{{S_BREADCRUMB}}">
  <ol>
    {{#CRUMB}}<li><a href="{{URL}}">{{NAME}}</a></li>
    {{/CRUMB}}<li><span aria-current="page">{{HEADING}}</span></li>
  </ol>
</nav>
<header class="archive-header">
  <h1>{{HEADING}}</h1>
  {{#HAS_DESCRIPTION}}<p class="archive-description">{{DESCRIPTION}}</p>{{/HAS_DESCRIPTION}}
</header>
<h2 class="visually-hidden">{{S_LATEST}}</h2>
<div class="cards">
{{#ITEM}}{{>CARD}}
{{/ITEM}}
</div>
{{#EMPTY}}<p class="empty">{{S_NO_ARTICLES}}</p>{{/EMPTY}}
{{>PAGINATION}}
<p class="feed-link"><a href="{{LISTING_FEED_URL}}">{{S_FEED}}</a></p>
