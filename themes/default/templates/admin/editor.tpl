{{%AUTOESCAPE context="HTML"}}{{#PUBLIC}}<p>Published at <a href="{{URL}}">{{URL}}</a>. Changing the slug keeps the old address working (301).</p>{{/PUBLIC}}
{{#IMPORTED_HTML}}<p class="warning">This article was imported as HTML. Writing a body here replaces that HTML with your Markdown.</p>{{/IMPORTED_HTML}}
<form class="card editor" method="post" action="{{ACTION}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <p><label for="title">Headline</label><input id="title" name="title" value="{{TITLE}}" required maxlength="300"></p>
  <p><label for="slug">Slug (made from the headline if empty)</label><input id="slug" name="slug" value="{{SLUG}}" aria-describedby="slug-help">
  <span id="slug-help" class="help">Letters of any language, digits and dashes; kept unique.</span></p>
  <p><label for="body">Text (Markdown)</label><textarea id="body" name="body" rows="20" dir="auto">{{BODY}}</textarea></p>
  <p><label for="excerpt">Excerpt (made from the text if empty)</label><textarea id="excerpt" name="excerpt" rows="3" dir="auto">{{EXCERPT}}</textarea></p>
  <p><label for="category">Category</label><select id="category" name="category">{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select></p>
  <p><label for="tags">Tags, separated by commas (new ones are created)</label><input id="tags" name="tags" value="{{TAGS}}"></p>
  <p><label for="language">Language code (en, ps, fa...)</label><input id="language" name="language" value="{{LANGUAGE}}" required></p>
  <p><label for="source_line">Source line</label><input id="source_line" name="source_line" value="{{SOURCE_LINE}}"></p>
  <p><label for="kind">Kind</label><select id="kind" name="kind"><option value="article">article</option><option value="page"{{#IS_PAGE}} selected{{/IS_PAGE}}>page</option></select></p>
  <p><input type="checkbox" id="comments_open" name="comments_open"{{#COMMENTS_OPEN}} checked{{/COMMENTS_OPEN}}> <label for="comments_open" class="inline-label">Comments open</label></p>
  <p>Status: <strong>{{STATUS}}</strong> (submit, publish and unpublish from the <a href="/admin/articles">list</a>).</p>
  <p><button type="submit" name="save" value="1">Save</button> <button type="submit" name="preview" value="1" formtarget="_blank">Preview</button>
  {{#EXISTING}}<a href="/admin/articles/{{ID}}/revisions">Revisions</a>{{/EXISTING}}</p>
</form>
{{#CONFLICT}}<section class="card conflict"><h2>Your text (not saved)</h2>
<p><label for="yours">Copy what you need from here</label><textarea id="yours" rows="12" readonly dir="auto">{{TEXT}}</textarea></p></section>{{/CONFLICT}}
