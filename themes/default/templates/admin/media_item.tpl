{{%AUTOESCAPE context="HTML"}}<p><a href="/admin/media">Back to the library</a></p>
<div class="media-item">
{{#IMAGE}}<p><a href="{{URL}}"><img src="{{THUMB}}" alt="{{ALT}}" class="media-preview"></a></p>{{/IMAGE}}
{{#AUDIO}}<p><audio controls preload="metadata" src="{{URL}}" class="media-preview"></audio></p>{{/AUDIO}}
{{#VIDEO}}<p><video controls preload="metadata" src="{{URL}}" class="media-preview"></video></p>{{/VIDEO}}
{{#PLAYED_WHERE_IMPORTED}}<p class="help">A sound or video file brought by an import: the imported articles that showed it play it from here. It is kept as the old site served it.</p>{{/PLAYED_WHERE_IMPORTED}}
{{#CAN_INSERT}}<p><label for="markdown">To insert it into an article, put this line on its own in the text (the caption and credit below are shown with it; a caption in quotes after the address replaces it for that article):</label>
<input id="markdown" class="markdown-snippet" value="{{MARKDOWN}}" readonly></p>{{/CAN_INSERT}}
{{#NEEDS_ALT}}<p class="warning">Add alt text before inserting this image into an article.</p>{{/NEEDS_ALT}}
{{#CAN_CHANGE}}<form class="card" method="post" action="/admin/media/{{ID}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="save">
  <p><label for="alt">Alt text</label><input id="alt" name="alt" value="{{ALT}}" dir="auto" maxlength="500"></p>
  <p><label for="caption">Caption</label><input id="caption" name="caption" value="{{CAPTION}}" dir="auto"></p>
  <p><label for="credit">Credit</label><input id="credit" name="credit" value="{{CREDIT}}" dir="auto"></p>
  <p><button type="submit">Save</button></p>
</form>{{/CAN_CHANGE}}
{{#SITE_IDENTITY}}<form class="card" method="post" action="/admin/media/{{ID}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <p>{{#IS_LOGO}}This picture is the site's logo. {{/IS_LOGO}}{{#IS_ICON}}This picture is the site's icon. {{/IS_ICON}}The logo is shown in the header instead of the site's title; the icon (best square, at least 512×512) is the browser tab's and phones' icon. Settings undoes either.</p>
  <p><button type="submit" name="action" value="logo">Use as the site's logo</button>
  <button type="submit" name="action" value="icon">Use as the site's icon</button></p>
</form>{{/SITE_IDENTITY}}
<h2>Used in</h2>
{{#UNUSED}}<p>No article shows this image.</p>{{/UNUSED}}
<ul class="uses">{{#USE}}<li><a href="/admin/articles/{{ID}}/edit">{{TITLE}}</a> ({{STATUS}})</li>{{/USE}}</ul>
<h2>Files</h2>
<p>Uploaded {{UPLOADED}} as {{NAME}}.</p>
<ul class="files">{{#FILE}}<li><a href="{{FILE}}">{{FILE}}</a>: {{DESCRIPTION}}</li>{{/FILE}}</ul>
{{#CAN_CHANGE}}<form method="post" action="/admin/media/{{ID}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="delete">
  {{#CONFIRM_DELETE}}<input type="hidden" name="confirm" value="yes">{{/CONFIRM_DELETE}}
  <button type="submit" class="danger">{{#CONFIRM_DELETE}}Yes, delete it although it is used{{/CONFIRM_DELETE}}{{#PLAIN_DELETE}}Delete this image{{/PLAIN_DELETE}}</button>
</form>{{/CAN_CHANGE}}
</div>
