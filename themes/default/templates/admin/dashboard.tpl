{{%AUTOESCAPE context="HTML"}}<p>Welcome, {{NAME}}.</p>
{{#NO_TWO_FACTOR}}<p class="warning">Your account has no two-factor sign-in yet. <a href="/admin/two-factor">Turn it on</a>: a stolen password alone will then not open it.</p>
{{/NO_TWO_FACTOR}}<ul class="counts">
  <li><a href="/admin/articles?status=draft"><strong>{{DRAFTS}}</strong> drafts</a></li>
  <li><a href="/admin/articles?status=pending"><strong>{{PENDING}}</strong> pending review</a></li>
  <li><a href="/admin/articles?status=scheduled"><strong>{{SCHEDULED}}</strong> scheduled</a></li>
  <li><a href="/admin/articles?status=published"><strong>{{PUBLISHED}}</strong> published</a></li>
  {{#MODERATION}}<li><a href="/admin/comments?status=pending"><strong>{{COMMENTS}}</strong> comments awaiting moderation</a></li>{{/MODERATION}}
</ul>
