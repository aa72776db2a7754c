{{%AUTOESCAPE context="HTML"}}<p class="message">{{TEXT}}</p>
<p><a href="/admin/">Back to the dashboard</a></p>
