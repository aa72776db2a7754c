{{%AUTOESCAPE context="HTML"}}<form class="card" method="post" action="/admin/media" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <h2>Upload an image</h2>
  <p><label for="file">JPEG, PNG, WebP or GIF, at most {{MAX_MB}} MB. Location and camera data are removed from every copy.</label>
  <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required></p>
  <p><label for="alt">Alt text (what the picture shows, for readers who cannot see it; needed to insert it)</label><input id="alt" name="alt" dir="auto" maxlength="500"></p>
  <p><label for="caption">Caption</label><input id="caption" name="caption" dir="auto"></p>
  <p><label for="credit">Credit (e.g. "Photo: Khabar/Ahmad Shah")</label><input id="credit" name="credit" dir="auto"></p>
  <p><button type="submit">Upload</button></p>
</form>
<form class="search" method="get" action="/admin/media" role="search">
  <label for="q">Search alt text, captions, credits and file names</label> <input id="q" name="q" value="{{QUERY}}">
  <button type="submit">Search</button> <a href="/admin/media?mine=1">Only mine</a>
</form>
{{#EMPTY}}<p>No images here yet.</p>{{/EMPTY}}
<ul class="media-grid">
{{#ITEM}}<li id="media-{{ID}}"><a href="/admin/media/{{ID}}">{{#PICTURE}}<img src="{{THUMB}}" alt="{{ALT}}" width="160" loading="lazy">{{/PICTURE}}{{#PLAYABLE}}<span class="playable">{{KIND}}</span>{{/PLAYABLE}}
  <span class="name">{{NAME}}</span> <span class="size">{{SIZE}}</span>{{#NO_ALT}} <span class="warning">no alt text</span>{{/NO_ALT}}</a></li>
{{/ITEM}}</ul>
