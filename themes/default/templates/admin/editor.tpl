{{%AUTOESCAPE context="HTML"}}{{#PUBLIC}}<p>Published at <a href="{{URL}}">{{URL}}</a>. Changing the slug keeps the old address working (301).</p>{{/PUBLIC}}
{{#AUTOSAVE}}<section class="card autosave" aria-labelledby="autosave-heading"><h2 id="autosave-heading">A newer autosaved text</h2>
<p>Your text was autosaved at {{WHEN}}, after this article was last saved. <a href="{{URL}}">Open the autosaved text in the editor</a> (then save it), or keep editing what is below.</p>
<details><summary>The autosaved text</summary><textarea rows="8" readonly dir="auto" aria-label="The autosaved text">
{{TEXT:pre_escape}}</textarea></details></section>{{/AUTOSAVE}}
<form class="card editor" method="post" action="{{ACTION}}" enctype="multipart/form-data" data-autosave="{{AUTOSAVE_URL}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  <p><label for="title">Headline</label><input id="title" name="title" value="{{TITLE}}" required maxlength="300" dir="auto"></p>
  <p><label for="slug">Slug (made from the headline if empty)</label><input id="slug" name="slug" value="{{SLUG}}" aria-describedby="slug-help" dir="auto">
  <span id="slug-help" class="help">Letters of any language, digits and dashes; kept unique.</span></p>
  <p><label for="format">The text is written in</label><select id="format" name="format" aria-describedby="format-help"><option value="markdown">Markdown</option><option value="html"{{#HTML_BODY}} selected{{/HTML_BODY}}>HTML</option></select>
  <span id="format-help" class="help">{{#HTML_BODY}}This text is HTML (as imported from WordPress): change what you need and leave the rest as it is. {{/HTML_BODY}}In HTML, scripts, frames, forms and styles are removed when it is saved; a link alone in its paragraph to a video or a post (YouTube, X...) becomes an embed.</span></p>
  <p><label for="body">Text</label><textarea id="body" name="body" rows="20" dir="auto" aria-describedby="text-count">
{{BODY:pre_escape}}</textarea>
  <span id="text-count" class="help" aria-live="polite"></span></p>
  <fieldset class="add-image"><legend>Add an image</legend>
    <p class="help">JPEG, PNG, WebP or GIF up to {{MAX_MB}} MB; location and camera data are removed. It goes into the media library and at the end of the text (move the line where you want it), or becomes the featured image.</p>
    <p><label for="image">Image</label><input id="image" name="image" type="file" accept="image/jpeg,image/png,image/webp,image/gif"></p>
    <p><label for="image_alt">Alt text (required: what the picture shows)</label><input id="image_alt" name="image_alt" dir="auto" maxlength="500"></p>
    <p><label for="image_caption">Caption</label><input id="image_caption" name="image_caption" dir="auto"></p>
    <p><label for="image_credit">Credit</label><input id="image_credit" name="image_credit" dir="auto"></p>
    <p><input type="checkbox" id="image_featured" name="image_featured"> <label for="image_featured" class="inline-label">Use as the featured image instead</label></p>
  </fieldset>
  {{#LIBRARY}}<details class="library"><summary>Images in the library (copy a line into the text)</summary><ul class="media-grid small">
  {{#LIBRARY_IMAGE}}<li><img src="{{THUMB}}" alt="{{ALT}}" width="96" loading="lazy"> <input class="markdown-snippet" value="{{MARKDOWN}}" readonly aria-label="Markdown for {{ALT}}"></li>
  {{/LIBRARY_IMAGE}}</ul><p><a href="/admin/media">The whole library</a></p></details>{{/LIBRARY}}
  <p><label for="featured_media">Featured image</label><select id="featured_media" name="featured_media"><option value="0">(none)</option>{{#FEATURED_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FEATURED_OPTION}}</select></p>
  <p><label for="excerpt">Excerpt (made from the text if empty)</label><textarea id="excerpt" name="excerpt" rows="3" dir="auto">
{{EXCERPT:pre_escape}}</textarea></p>
  <p><label for="category">Category</label><select id="category" name="category">{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select></p>
  <fieldset class="extra-categories"><legend>Also list it in</legend>
  {{#EXTRA_CATEGORY}}<label class="inline-label"><input type="checkbox" name="extra_category" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label> {{/EXTRA_CATEGORY}}
  </fieldset>
  <p><label for="tags">Tags, separated by commas (new ones are created)</label><input id="tags" name="tags" value="{{TAGS}}" dir="auto"></p>
  <p><label for="language">Language code (en, ps, fa...); the text's direction follows it (ps, fa, ar: right to left)</label><input id="language" name="language" value="{{LANGUAGE}}" required></p>
  <p><label for="source_line">Source line</label><input id="source_line" name="source_line" value="{{SOURCE_LINE}}" dir="auto"></p>
  <p><label for="kind">Kind</label><select id="kind" name="kind"><option value="article">article</option><option value="page"{{#IS_PAGE}} selected{{/IS_PAGE}}>page</option></select></p>
  <p><input type="checkbox" id="comments_open" name="comments_open"{{#COMMENTS_OPEN}} checked{{/COMMENTS_OPEN}}> <label for="comments_open" class="inline-label">Comments open</label></p>
  {{#CORRECTION}}<p class="correction-made"><strong>Correction</strong> ({{WHEN}}): {{TEXT}}</p>
  {{/CORRECTION}}{{#CORRECTABLE}}<p><label for="correction">Correction note (optional): what was wrong and what is right now. Readers see it under the text with today's date; it stays, and it marks the article as updated</label><textarea id="correction" name="correction" rows="2" dir="auto" maxlength="{{MAX}}">
{{TYPED:pre_escape}}</textarea></p>{{/CORRECTABLE}}
  <p>Status: <strong id="status">{{STATUS}}</strong>{{#SCHEDULED}}, to be published {{WHEN}}{{/SCHEDULED}}.</p>
  {{#CAN_SCHEDULE}}<p><label for="publish_at">Publish at ({{ZONE}} time)</label><input id="publish_at" name="publish_at" type="datetime-local" value="{{PUBLISH_AT}}"></p>{{/CAN_SCHEDULE}}
  <p class="buttons"><button type="submit" name="save" value="1">Save</button>
  {{#CAN_SUBMIT}}<button type="submit" name="move" value="submit">Save and submit for review</button>{{/CAN_SUBMIT}}
  {{#CAN_SCHEDULE}}<button type="submit" name="move" value="schedule">Save and schedule</button>{{/CAN_SCHEDULE}}
  {{#CAN_PUBLISH}}<button type="submit" name="move" value="publish" data-confirm="Publish this article now? Readers will see it at once.">Save and publish now</button>{{/CAN_PUBLISH}}
  <button type="submit" name="preview" value="1" formtarget="_blank">Preview</button>
  {{#EXISTING}}<a href="/admin/articles/{{ID}}/revisions">Revisions</a>{{/EXISTING}}</p>
</form>
{{#CONFLICT}}<section class="card conflict"><h2>Your text (not saved)</h2>
<p><label for="yours">Copy what you need from here</label><textarea id="yours" rows="12" readonly dir="auto">
{{TEXT:pre_escape}}</textarea></p></section>{{/CONFLICT}}
<script src="{{EDITOR_SCRIPT}}" defer></script>
