{{%AUTOESCAPE context="HTML"}}<nav class="tabs" aria-label="Comment status">
  <ul>{{#TAB}}<li><a href="/admin/comments?status={{NAME}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}} ({{COUNT}})</a></li>{{/TAB}}</ul>
</nav>
<form class="list-search" method="get" action="/admin/comments" role="search">
  <input type="hidden" name="status" value="{{STATUS}}">
  <label for="comments-q">Search {{STATUS}} comments (author, email, text)</label> <input id="comments-q" name="q" type="search" value="{{QUERY}}"> <button>Search</button>
</form>
{{#EMPTY}}<p>No {{STATUS}} comments.</p>{{/EMPTY}}
<form method="post" action="/admin/comments">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="status" value="{{STATUS}}">
  <fieldset class="bulk"><legend>With the selected comments</legend>
    <button name="action" value="approve">Approve</button>
    <button name="action" value="spam">Spam</button>
    <button name="action" value="trash">Trash</button>
    <button name="action" value="delete">Delete for good</button>
  </fieldset>
  <ol class="moderation">
  {{#COMMENT}}<li class="comment-item" id="comment-{{ID}}">
    <p class="select"><input type="checkbox" name="id" value="{{ID}}" id="select-{{ID}}">
      <label for="select-{{ID}}"><strong>{{AUTHOR}}</strong> &lt;{{EMAIL}}&gt; on <a href="{{ARTICLE_URL}}">{{ARTICLE_SLUG}}</a>, {{WHEN}}</label></p>
    {{#HAS_URL}}<p class="meta">Website: {{URL}}</p>{{/HAS_URL}}
    <blockquote>{{BODY}}</blockquote>
    <p class="row-actions">
      <button form="one-{{ID}}" name="action" value="approve" aria-label="Approve comment {{ID}} by {{AUTHOR}}">Approve</button>
      <button form="one-{{ID}}" name="action" value="spam" aria-label="Mark comment {{ID}} as spam">Spam</button>
      <button form="one-{{ID}}" name="action" value="trash" aria-label="Trash comment {{ID}}">Trash</button>
    </p>
  </li>
  {{/COMMENT}}</ol>
</form>
{{#COMMENT}}<form id="one-{{ID}}" method="post" action="/admin/comments" class="one">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="status" value="{{STATUS}}"><input type="hidden" name="id" value="{{ID}}">
</form>
{{/COMMENT}}
