require("dotenv").config();
const express = require("express");
const app = express();
app.use(express.json({ limit: "10mb" }));

const authroute = require("../routes/auth.route.js");
app.use("/api/auth", authroute);

const chatroute = require("../routes/chat.route.js");
app.use("/api/chat", chatroute);

app.listen(process.env.PORT || 5000);
