{{%AUTOESCAPE context="HTML"}}<p>A one-line banner with a link, shown at the top of every page of the site at once, until it ends or is taken down.</p>
{{#CURRENT}}<section class="card" aria-labelledby="current-banner">
  <h2 id="current-banner">On the site now</h2>
  <p class="breaking-preview" lang="{{LANG}}" dir="auto"><strong>{{TEXT}}</strong></p>
  <p class="help">Link: {{URL}} · put up by {{BY}} at {{SINCE}} · ends {{UNTIL}}</p>
  <form method="post" action="/admin/breaking">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="take-down">
    <button type="submit">Take the banner down</button>
  </form>
</section>{{/CURRENT}}
{{#NONE}}<p class="help">No banner is on the site now.</p>{{/NONE}}
<form class="card" method="post" action="/admin/breaking">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="action" value="put-up">
  <p><label for="banner-text">Banner text</label>
  <input id="banner-text" name="text" value="{{TEXT}}" maxlength="{{MAX}}" dir="auto" required></p>
  <p><label for="banner-link">Link (a page of this site such as /story-slug/, or an https:// address)</label>
  <input id="banner-link" name="link" value="{{LINK}}"></p>
  <p><label for="banner-language">Language of the text</label>
  <select id="banner-language" name="language">{{#LANGUAGE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LANGUAGE}}</select></p>
  <p><label for="banner-duration">Shown for</label>
  <select id="banner-duration" name="duration">{{#DURATION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DURATION}}</select></p>
  <p><button type="submit">Put up the banner</button></p>
</form>
