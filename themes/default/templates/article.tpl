{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="{{S_BREADCRUMB}}">
  <ol>
    {{#CRUMB}}<li><a href="{{URL}}">{{NAME}}</a></li>
    {{/CRUMB}}<li><span aria-current="page">{{TITLE}}</span></li>
  </ol>
</nav>
<article class="story">
  <header class="story-header">
    <h1>{{TITLE}}</h1>
    <p class="byline">{{S_BY}} {{#AUTHOR}}{{#HAS_SEP}}{{SEP}}{{/HAS_SEP}}<a href="{{URL}}" rel="author">{{NAME}}</a>{{/AUTHOR}}</p>
    <p class="dateline"><span>{{S_PUBLISHED}} <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time></span>
      {{#UPDATED}}<span>{{S_UPDATED}} <time datetime="{{ISO}}">{{TEXT}}</time></span>{{/UPDATED}}
      <span class="reading-time">{{READING_TIME}}</span></p>
  </header>
  <div class="story-body">
{{BODY:none}}
  </div>
  {{#HAS_SOURCE}}<p class="source-line"><span class="visually-hidden">{{S_SOURCE}}: </span>— {{SOURCE}}</p>{{/HAS_SOURCE}}
  {{#TAGS}}<p class="tags"><span class="tags-label">{{S_TAGS}}:</span>
    {{#TAG}}<a href="{{URL}}" rel="tag">{{NAME}}</a>
    {{/TAG}}</p>{{/TAGS}}
</article>
{{#AUTHOR_BOX}}<aside class="author-box" aria-labelledby="about-author-{{ID}}">
  <div class="avatar" aria-hidden="true">{{INITIALS}}</div>
  <div class="author-text">
    <h2 id="about-author-{{ID}}">{{HEADING}}</h2>
    <p>{{BIO}}</p>
    <p><a href="{{URL}}">{{LINK_TEXT}}</a></p>
  </div>
</aside>
{{/AUTHOR_BOX}}<section class="comments" id="comments" aria-labelledby="comments-heading">
  <h2 id="comments-heading">{{COMMENTS_HEADING}}</h2>
  {{#COMMENT_LIST}}<ol class="comment-list">
  {{#COMMENT}}{{>COMMENT_ITEM}}
  {{/COMMENT}}</ol>{{/COMMENT_LIST}}
  {{#COMMENTS_CLOSED}}<p class="comments-closed">{{S_COMMENTS_CLOSED}}</p>{{/COMMENTS_CLOSED}}
</section>
{{#CHECK_ALSO}}<aside class="check-also" aria-labelledby="check-also-heading">
  <h2 id="check-also-heading">{{S_CHECK_ALSO}}</h2>
  {{>CARD}}
</aside>{{/CHECK_ALSO}}
