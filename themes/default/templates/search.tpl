{{%AUTOESCAPE context="HTML"}}<header class="archive-header">
  <h1>{{HEADING}}</h1>
</header>
<form class="search-form" role="search" action="/search/" method="get">
  <label for="search-q">{{S_SEARCH_LABEL}}</label>
  <span class="search-row"><input id="search-q" type="search" name="q" value="{{QUERY}}" maxlength="256" dir="auto">
  {{#FILTER}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/FILTER}}<button type="submit">{{S_SEARCH}}</button></span>
</form>
{{#HAS_QUERY}}<p class="search-count" role="status">{{COUNT}}</p>{{/HAS_QUERY}}
{{#LOOSENED}}<p class="search-note">{{S_SEARCH_LOOSENED}}</p>{{/LOOSENED}}
{{#SUGGESTION}}<p class="did-you-mean">{{S_DID_YOU_MEAN}} <a href="{{URL}}" dir="auto">{{TEXT}}</a>?</p>{{/SUGGESTION}}
{{#CATEGORY_FACETS}}<nav class="facets" aria-label="{{S_SEARCH_BY_CATEGORY}}">
  <h2>{{S_SEARCH_BY_CATEGORY}}</h2>
  <ul>{{#FACET}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a>{{#HAS_COUNT}} <span class="count">{{COUNT}}</span>{{/HAS_COUNT}}</li>{{/FACET}}</ul>
</nav>{{/CATEGORY_FACETS}}
{{#LANGUAGE_FACETS}}<nav class="facets" aria-label="{{S_SEARCH_BY_LANGUAGE}}">
  <h2>{{S_SEARCH_BY_LANGUAGE}}</h2>
  <ul>{{#FACET}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}{{#LANG}} lang="{{LANG}}"{{/LANG}}>{{NAME}}</a>{{#HAS_COUNT}} <span class="count">{{COUNT}}</span>{{/HAS_COUNT}}</li>{{/FACET}}</ul>
</nav>{{/LANGUAGE_FACETS}}
<ol class="results">
{{#RESULT}}<li class="result" lang="{{LANG}}" dir="{{DIR}}">
  {{#PICTURE}}<div class="result-picture">{{HTML:none}}</div>{{/PICTURE}}
  {{#KICKER}}<p class="kicker"><a href="{{URL}}">{{NAME}}</a></p>{{/KICKER}}
  <h2 class="card-title"><a href="{{URL}}">{{TITLE:none}}</a></h2>
  <p class="snippet">{{SNIPPET:none}}</p>
  <p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time> · <span class="authors">{{AUTHORS}}</span></p>
</li>
{{/RESULT}}</ol>
{{#NO_RESULTS}}<div class="no-results">
  <p>{{S_SEARCH_NO_RESULTS}}</p>
  <ul class="sections">{{#SECTION}}<li><a href="{{URL}}">{{NAME}}</a></li>{{/SECTION}}</ul>
</div>{{/NO_RESULTS}}
{{#TIPS}}<p class="search-tips">{{S_SEARCH_TIPS}}</p>{{/TIPS}}
{{#PAGES}}<nav class="pagination" aria-label="{{S_PAGINATION}}">
  {{#PREVIOUS}}<a rel="prev" href="{{PREVIOUS_URL}}">{{S_SEARCH_PREVIOUS}}</a>{{/PREVIOUS}}
  <span aria-current="page">{{CURRENT}}</span>
  {{#NEXT}}<a rel="next" href="{{NEXT_URL}}">{{S_SEARCH_NEXT}}</a>{{/NEXT}}
</nav>{{/PAGES}}
