{{%AUTOESCAPE context="HTML"}}<p>You sign in as <strong>{{LOGIN}}</strong> ({{ROLE}}). Readers see your articles at <a href="/author/{{SLUG}}/">/author/{{SLUG}}/</a>.</p>
<form class="card" method="post" action="/admin/profile">
  <h2>About you</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="details">
  <p><label for="display_name">Display name (public)</label>
  <input id="display_name" name="display_name" value="{{DISPLAY_NAME}}" required dir="auto"></p>
  <p><label for="slug">Public address: /author/…/</label>
  <input id="slug" name="slug" value="{{NEW_SLUG}}" aria-describedby="slug-help" dir="auto">
  <span id="slug-help" class="help">Letters of any language, digits and dashes. The old address keeps working (301). It cannot be your login, which stays private.</span></p>
  <p><label for="email">Email (private)</label>
  <input id="email" name="email" type="email" value="{{EMAIL}}"></p>
  <p><label for="bio">Bio (public, shown in the author box)</label>
  <textarea id="bio" name="bio" rows="4">
{{BIO:pre_escape}}</textarea></p>
  <p><button type="submit">Save</button></p>
</form>
<form class="card" method="post" action="/admin/profile" enctype="multipart/form-data">
  <h2>Photo</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#HAS_PHOTO}}<p><img class="photo-preview" src="{{PHOTO}}" alt="Your current photo" width="96" height="96"></p>{{/HAS_PHOTO}}
  <p><label for="avatar">A photo of you for the author box (JPEG, PNG, WebP or GIF)</label>
  <input id="avatar" name="avatar" type="file" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="avatar-help">
  <span id="avatar-help" class="help">It is cropped to a square, and everything stored in the file besides the picture (such as where it was taken) is removed.</span></p>
  <p><button name="action" value="photo">Upload photo</button>
  {{#HAS_PHOTO}}<button name="action" value="remove-photo">Remove photo</button>{{/HAS_PHOTO}}</p>
</form>
<form class="card" method="post" action="/admin/profile">
  <h2>Password</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="password">
  <input type="text" name="login" value="{{LOGIN}}" autocomplete="username" hidden>
  <p><label for="current">Current password</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required></p>
  <p><label for="new-password">New password (at least {{MIN_LENGTH}} characters)</label>
  <input id="new-password" name="password" type="password" autocomplete="new-password" minlength="{{MIN_LENGTH}}" required></p>
  <p><label for="confirm">New password again</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="{{MIN_LENGTH}}" required></p>
  <p><button type="submit">Change password</button> <span class="help">Your other sessions end.</span></p>
</form>
<form class="card" method="post" action="/admin/profile">
  <h2>Email notices</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="notices">
  {{#NO_MAIL}}<p class="help">This site sends no email now ([mail] in khabar.toml); these choices count once it does.</p>{{/NO_MAIL}}
  <fieldset><legend>Send me an email</legend>
  {{#NOTICE}}<p><label><input type="checkbox" name="notice" value="{{VALUE}}"{{#ON}} checked{{/ON}}> {{LABEL}}</label></p>
  {{/NOTICE}}</fieldset>
  <p><button type="submit">Save notices</button></p>
</form>
<section class="card">
  <h2>Two-factor sign-in: {{TWO_FACTOR}}</h2>
  <p><a href="/admin/two-factor">Manage two-factor sign-in</a></p>
</section>
<section class="card">
  <h2>Where you are signed in</h2>
  <table class="list">
    <thead><tr><th scope="col">Browser</th><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col"></th></tr></thead>
    <tbody>
    {{#SESSION}}<tr><td>{{AGENT}}{{#THIS}} <strong>(this browser)</strong>{{/THIS}}</td><td>{{STARTED}}</td><td>{{LAST_SEEN}}</td>
      <td><form method="post" action="/admin/profile" class="inline">
        <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="revoke">
        <input type="hidden" name="session" value="{{DIGEST}}"><button>End this session</button></form></td></tr>
    {{/SESSION}}</tbody>
  </table>
</section>
